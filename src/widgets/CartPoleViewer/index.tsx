/** Standalone viewer: a random (untrained) policy playing CartPole-v1; TrainingPanel embeds the canvas with its policy. */
import CartPoleCanvas from './CartPoleCanvas';

export default function CartPoleViewer({ seed = 0 }: { seed?: number | string }) {
  return <CartPoleCanvas policy={null} seed={Number(seed) || 0} />;
}
