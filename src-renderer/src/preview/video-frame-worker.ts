/**
 * The preview's video frames, scaled off the main thread: a VideoFrame taken from a playing
 * <video> comes in, is converted and scaled to the size asked (the costly part: a full-size YUV
 * frame to a small RGB bitmap), and goes back as an ImageBitmap (video-frames.ts).
 */
interface Request {
  key: string;
  /** Passed back as it came (the sender drops frames from before a seek). */
  generation: number;
  frame: VideoFrame;
  width: number;
  height: number;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

let canvas: OffscreenCanvas | null = null;

scope.onmessage = ({ data }) => {
  const { key, generation, frame, width, height } = data;
  const timestamp = frame.timestamp;
  try {
    if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(frame, 0, 0, width, height);
    const bitmap = canvas.transferToImageBitmap();
    scope.postMessage({ key, generation, timestamp, bitmap }, [bitmap]);
  } catch {
    scope.postMessage({ key, generation, timestamp, bitmap: null }, []);
  } finally {
    frame.close();
  }
};
