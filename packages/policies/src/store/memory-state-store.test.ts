import { describeStateStoreConformance } from '@resilient-llm/test-utils/state-store-conformance';
import { MemoryStateStore } from './memory-state-store';

describeStateStoreConformance('MemoryStateStore', () => new MemoryStateStore());
