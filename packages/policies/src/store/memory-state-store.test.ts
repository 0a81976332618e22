import { describeStateStoreConformance } from '../testing/state-store-conformance';
import { MemoryStateStore } from './memory-state-store';

describeStateStoreConformance('MemoryStateStore', () => new MemoryStateStore());
