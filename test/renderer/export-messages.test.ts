import { describe, expect, it } from 'vitest';
import { localizeExportMessage } from '../../src-renderer/src/panels/export/export-messages.js';

describe("the export's bad-media messages in Spanish", () => {
  it('name the clip as the page does and keep the file', () => {
    expect(localizeExportMessage('The video of clip 2 ("beach.mp4") of Overlay 1 is missing: assets/x.mp4', 'es')).toBe('Falta el vídeo de el clip 2 ("beach.mp4") de Superposición 1: assets/x.mp4');
    expect(localizeExportMessage("The video of scene 3 cannot be decoded at 4.00 s (the clip's start): /p/assets/a.mp4 may be truncated or damaged.", 'es')).toBe('El vídeo de la escena 3 no se puede decodificar a los 4.00 s (el inicio del clip): puede que /p/assets/a.mp4 esté cortado o dañado.');
    expect(localizeExportMessage('Clip 1 ("beach.mp4") of Main uses 1.50–2.50 s of a.mp4, which is only 2.00 s long: shorten the clip or move its start in the file.', 'es')).toBe('El clip 1 ("beach.mp4") de Principal usa 1.50–2.50 s de a.mp4, que solo dura 2.00 s: acorta el clip o mueve su inicio en el archivo.');
    expect(localizeExportMessage('The video of scene 1 is corrupt or not a video: f.mp4 (bad)', 'en')).toBe('The video of scene 1 is corrupt or not a video: f.mp4 (bad)');
  });
});
