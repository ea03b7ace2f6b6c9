/** Command lines for the system voices. Pure, so each platform's flags are unit tested anywhere. */

/** system:en → en-us, system:es → es, others as given (en-gb, es-419). */
export function espeakVoiceFor(lang: string): string {
  if (lang === 'en') return 'en-us';
  return lang;
}

/** espeak-ng reads stdin and writes a WAV to stdout; -s is its nominal words per minute. */
export function espeakArgs(voice: string, rate: number): string[] {
  return ['-v', voice, '-s', String(Math.round(rate)), '--stdout', '--stdin'];
}

/** macOS say: -r words per minute, 16-bit WAV at 22.05 kHz. */
export function sayArgs(rate: number, outFile: string, textFile: string): string[] {
  return ['-r', String(Math.round(rate)), '--file-format=WAVE', '--data-format=LEI16@22050', '-o', outFile, '-f', textFile];
}

function psQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Windows SAPI through System.Speech: Rate -10..10, a voice of the language when one is installed. */
export function sapiScript(rate: number, lang: string, outFile: string, textFile: string): string {
  const culture = lang === 'es' ? 'es-ES' : lang === 'en' ? 'en-US' : lang;
  return [
    'Add-Type -AssemblyName System.Speech',
    '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
    `try { $s.SelectVoiceByHints([System.Speech.Synthesis.VoiceGender]::NotSet, [System.Speech.Synthesis.VoiceAge]::NotSet, 0, [System.Globalization.CultureInfo]::GetCultureInfo(${psQuote(culture)})) } catch {}`,
    `$s.Rate = ${Math.max(-10, Math.min(10, rate))}`,
    `$s.SetOutputToWaveFile(${psQuote(outFile)})`,
    `$s.Speak([System.IO.File]::ReadAllText(${psQuote(textFile)}, [System.Text.Encoding]::UTF8))`,
    '$s.Dispose()',
  ].join('; ');
}
