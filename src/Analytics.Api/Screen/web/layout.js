// The 1920×1080 design canvas, scaled by one CSS transform to cover the whole screen: no borders, no scroll bars,
// no stretching. On a screen wider than 16:9 (a 32:9 LED wall) the canvas grows wider and the middle column
// takes the room; on a taller one it grows taller.

const designWidth = 1920;
const designHeight = 1080;

export function fitCanvas(canvas) {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const scale = Math.min(width / designWidth, height / designHeight);
  canvas.style.width = `${width / scale}px`;
  canvas.style.height = `${height / scale}px`;
  canvas.style.transform = `scale(${scale})`;
  return scale;
}
