// A real @aws-sdk/client-mediatailor client pointed at a test engine: SigV4-signed with example credentials
// (the bench accepts signatures without checking them), one attempt so errors surface at once.
import { MediaTailorClient } from '@aws-sdk/client-mediatailor';

export function mediaTailorClient(endpoint: string): MediaTailorClient {
  return new MediaTailorClient({
    endpoint,
    region: 'us-west-2',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
}
