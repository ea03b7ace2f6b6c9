/** Installed voices and downloads; filled in when the narration contract lands. */
export function VoicesSection() {
  return null;
}
