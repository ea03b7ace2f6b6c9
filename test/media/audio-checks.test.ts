import { describe, expect, it } from 'vitest';
import { judgeAudioClip, readWavLayout, wavShortfall } from '../../src-main/media/export/audio-checks.js';
import { encodeWav } from '../../src-main/narration/audio/wav.js';
import { wordEn } from '../../src-main/messages.js';
import { wordMessage } from '../../src-renderer/src/i18n/messages.js';

describe('audio checks (pure)', () => {
  const wav = encodeWav({ samples: new Float32Array(16000 * 3), sampleRate: 16000 }); // 3 s, 32 000 B/s

  it('reads the data chunk of a WAV header, past other chunks', () => {
    expect(readWavLayout(wav)).toEqual({ declaredBytes: 96000, dataOffset: 44, byteRate: 32000 });
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx'), Buffer.alloc(1)]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36, 44)]);
    expect(readWavLayout(withList)).toMatchObject({ dataOffset: 44 + 14, byteRate: 32000 });
    expect(readWavLayout(Buffer.from('#EXTM3U\n'))).toBeNull();
  });

  it('finds a WAV cut short, not one within a second of its header or a streamed one', () => {
    const layout = readWavLayout(wav)!;
    expect(wavShortfall(layout, wav.length)).toBeNull();
    expect(wavShortfall(layout, 44 + 32000)).toEqual({ announced: 3, present: 1 });
    expect(wavShortfall(layout, wav.length - 16000)).toBeNull();
    expect(wavShortfall({ ...layout, declaredBytes: null }, 100)).toBeNull();
  });

  it('judges a clip against its file: silent, trimmed past the end, running past the end, fine (named as the timeline shows it)', () => {
    const clip = { start: 0, sourceIn: 0, duration: 4, speed: 1 };
    const music = { clip: 1, file: 'a.mp3', role: 'music', trackN: 0 };
    const silent = judgeAudioClip(clip, 0, music).error!;
    expect(wordEn(silent)).toBe('The audio of clip 1 ("a.mp3") of Music has no sound (0 s long).');
    expect(wordMessage('es', silent)).toBe('El audio del clip 1 ("a.mp3") de Música no tiene sonido (dura 0 s).');
    expect(wordEn(judgeAudioClip({ ...clip, sourceIn: 5 }, 4, music).error!)).toMatch(/^Clip 1 \("a\.mp3"\) of Music starts 5\.0 s into its file, which lasts 4\.0 s/);
    expect(wordMessage('es', judgeAudioClip({ ...clip, sourceIn: 5 }, 4, music).error!)).toMatch(/^El clip 1 \("a\.mp3"\) de Música empieza 5\.0 s dentro de su archivo/);
    expect(judgeAudioClip({ ...clip, sourceIn: 1 }, 4, music)).toEqual({
      error: null,
      warning: { missingSeconds: 1, fileSeconds: 4, message: 'Clip 1 ("a.mp3") of Music runs 1.0 s past the end of its file (4.0 s): the last 1.0 s of its slot are silent.' },
    });
    // Cut at the project's end anyway: only what is heard counts.
    expect(judgeAudioClip({ ...clip, start: 2, sourceIn: 1 }, 4, music, 5).warning).toBeNull();
    expect(judgeAudioClip(clip, 4.05, music)).toEqual({ error: null, warning: null });
  });
});
