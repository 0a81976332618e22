import { InvalidOptionError } from '@resilient-llm/policies';
import {
  type CredentialFingerprinter,
  createCredentialFingerprinter,
} from '../key/credential-fingerprint';
import {
  type FingerprintSecret,
  fingerprintKey,
  minimumFingerprintSecretBytes,
} from '../key/fingerprint-secret';

/**
 * Checks `fingerprintSecret` and keys a fingerprinter with it (or with the process's own);
 * no fingerprints when answers are shared across credentials.
 */
export function prepareFingerprinter(
  secret: FingerprintSecret | undefined,
  shareAcrossCredentials: boolean,
): CredentialFingerprinter | undefined {
  if (secret !== undefined) {
    const bytes =
      typeof secret === 'string'
        ? new TextEncoder().encode(secret).length
        : secret instanceof Uint8Array
          ? secret.length
          : undefined;
    if (bytes === undefined || bytes < minimumFingerprintSecretBytes)
      throw new InvalidOptionError({
        field: 'fingerprintSecret',
        // A secret never goes into an error message: only what is wrong with it.
        value: bytes === undefined ? typeof secret : `${bytes} bytes`,
        reason: `must be a string or Uint8Array of at least ${minimumFingerprintSecretBytes} bytes`,
      });
  }
  if (shareAcrossCredentials) return undefined;
  return createCredentialFingerprinter(fingerprintKey(secret));
}
