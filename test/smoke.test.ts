import { Tensor, env } from '@xenova/transformers';
import hnsw from 'hnswlib-node';
test('libs load', () => {
  const t = new Tensor('float32', new Float32Array([1, 2]), [2]);
  expect(t.dims).toEqual([2]);
  expect(env.backends.onnx).toBeDefined();
  const i = new hnsw.HierarchicalNSW('cosine', 2);
  i.initIndex(4);
  i.addPoint([1, 0], 0);
  expect(i.searchKnn([1, 0], 1).neighbors).toEqual([0]);
});
