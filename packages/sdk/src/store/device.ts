import { type EcPublicJwk, generateDeviceKey } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import { type Kv, keyOf } from './idb';
import { type DeviceKey, thumbprint } from './sign';

/** The device key, created on first need (private key non-extractable, stored as a CryptoKey); under a lock so two tabs never make two. */
export function deviceKey(kv: Kv): Promise<DeviceKey> {
  return withLock('consent-ledger:device', async () => {
    const [stored] = await kv.getMany<[DeviceKey | undefined]>([keyOf.device()]);
    if (stored) return stored;
    const pair = await generateDeviceKey();
    const { x, y } = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as EcPublicJwk;
    const jwk: EcPublicJwk = { kty: 'EC', crv: 'P-256', x, y };
    const device = { ...pair, jwk, subject: await thumbprint(jwk) };
    // A key that cannot be stored still signs for this page view.
    await kv.set(keyOf.device(), device).catch(() => undefined);
    return device;
  });
}
