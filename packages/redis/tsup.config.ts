import { packageBuildOptions } from '../../tsup.shared';

export default packageBuildOptions;
