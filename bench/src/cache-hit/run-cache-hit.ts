// The cache's hit path, as `packages/cache/bench/hit-path.ts` measures it, joined to this report.
export {
  type HitPathResult as CacheHitResult,
  measureHitPath as runCacheHit,
  rawGet,
} from '../../../packages/cache/bench/measure-hit-path.ts';
