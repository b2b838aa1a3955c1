import type { WebhookVerification } from '../definition.ts';
import type { VerifyInput, VerifyOutcome } from './verify-input.ts';
import { verifyGithub } from './verify-github.ts';
import { verifyHmac } from './verify-hmac.ts';
import { verifySlack } from './verify-slack.ts';
import { verifyStandardWebhooks } from './verify-standard-webhooks.ts';
import { verifyStripe } from './verify-stripe.ts';
import { reject } from './webhook-types.ts';

/** Authenticates a delivery with the declared scheme (`none` only when declared so). */
export function verifyDelivery(input: VerifyInput & { verification: WebhookVerification }): VerifyOutcome {
  const { verification } = input;
  switch (verification.scheme) {
    case 'github':
      return verifyGithub(input);
    case 'stripe':
      return verifyStripe({ ...input, toleranceSeconds: verification.toleranceSeconds });
    case 'standard-webhooks':
      return verifyStandardWebhooks({ ...input, toleranceSeconds: verification.toleranceSeconds, prefer: 'webhook' });
    case 'svix':
      return verifyStandardWebhooks({ ...input, toleranceSeconds: verification.toleranceSeconds, prefer: 'svix' });
    case 'slack':
      return verifySlack({ ...input, toleranceSeconds: verification.toleranceSeconds });
    case 'hmac':
      return verifyHmac({ ...input, verification });
    case 'none':
      return { ok: true, replayKey: '' };
    default:
      return reject('not_configured', `unknown verification scheme ${JSON.stringify(String((verification as { scheme: unknown }).scheme)).slice(0, 60)}`);
  }
}
