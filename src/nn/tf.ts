/**
 * The one tfjs entry point of src/nn: tfjs-core with its gradient functions registered. The worker bundles
 * tfjs-core and the backends alone; the full @tensorflow/tfjs (layers, converter, data) would add about a megabyte
 * that training never uses, and it is what normally registers the gradients.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
