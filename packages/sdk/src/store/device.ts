import { exportPublicJwk, generateDeviceKey, jwkThumbprint, type KeyPair } from '@consent-ledger/protocol';
import { withLock } from '../core/lock';
import { keyOf, type Kv } from './idb';

/** The device key pair as stored (the non-extractable private CryptoKey as is) and its subject id. */
export interface DeviceKey extends KeyPair {
  subject: string;
}

/** The device key, created on first need; under a lock so two tabs never make two keys. */
export function deviceKey(kv: Kv): Promise<DeviceKey> {
  return withLock('consent-ledger:device', async () => {
    const [stored] = await kv.getMany<[DeviceKey | undefined]>([keyOf.device()]);
    if (stored) return stored;
    const pair = await generateDeviceKey();
    const device = { ...pair, subject: jwkThumbprint(await exportPublicJwk(pair.publicKey)) };
    await kv.set(keyOf.device(), device);
    return device;
  });
}
