// onnxruntime-node checks `data instanceof Float32Array` against the host realm's
// constructors, so the jest sandbox must share them or every tensor is rejected.
const { TestEnvironment } = require('jest-environment-node');

class SharedTypedArrayEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of [
      'Float32Array',
      'Float64Array',
      'Int8Array',
      'Uint8Array',
      'Int16Array',
      'Uint16Array',
      'Int32Array',
      'Uint32Array',
      'BigInt64Array',
      'BigUint64Array',
      'ArrayBuffer',
      'Uint8ClampedArray',
    ]) {
      this.global[name] = globalThis[name];
    }
  }
}
module.exports = SharedTypedArrayEnvironment;
