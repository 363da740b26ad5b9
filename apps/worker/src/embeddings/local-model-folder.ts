import { existsSync } from 'node:fs';
import path from 'node:path';

/** Whether `<localPath>/<model>` looks like a transformers.js model folder (config.json and onnx/model.onnx). */
export function hasLocalTransformersModel(localPath: string, model: string): boolean {
  const dir = path.join(localPath, model);
  return existsSync(path.join(dir, 'config.json')) && existsSync(path.join(dir, 'onnx', 'model.onnx'));
}
