import { describe, expect, it } from 'vitest';
import { CallbackRefusedError } from '../errors.js';
import { CallbackAllowlist, type Resolver, checkCallbackUrl, embeddedIPv4, isForbiddenAddress } from './ssrf-guard.js';

const none = new CallbackAllowlist([]);

function fakeDns(table: Record<string, string[]>): Resolver {
  return async (host) => {
    const addrs = table[host];
    if (!addrs) throw new Error(`ENOTFOUND ${host}`);
    return addrs.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1', '127.255.0.9', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.1.1',
    '169.254.169.254', '0.0.0.0', '100.64.0.1', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.1.2.3', '::ffff:169.254.169.254', '64:ff9b::a00:1', '2002:c0a8:101::1',
    'not-an-ip',
  ])('refuses %s', (a) => expect(isForbiddenAddress(a)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.1', '192.169.0.1', '169.255.0.1', '11.0.0.1',
    '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', 'fec0::1'.replace('fec0', '2a00')])(
    'accepts public %s', (a) => expect(isForbiddenAddress(a)).toBe(false),
  );

  it('finds IPv4 inside IPv6 forms', () => {
    expect(embeddedIPv4('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(embeddedIPv4('::ffff:0102:0304')).toBe('1.2.3.4');
    expect(embeddedIPv4('64:ff9b::0a00:0001')).toBe('10.0.0.1');
    expect(embeddedIPv4('2002:0a00:0001::')).toBe('10.0.0.1');
    expect(embeddedIPv4('2606:4700::1')).toBeUndefined();
  });
});

describe('checkCallbackUrl', () => {
  const dns = fakeDns({
    'hooks.example.com': ['93.184.216.34'],
    'v6.example.com': ['2606:4700:4700::1111'],
    'internal.example.com': ['10.1.2.3'],
    'rebind.example.com': ['93.184.216.34', '127.0.0.1'],
    'metadata.example.com': ['169.254.169.254'],
    'ula.example.com': ['fd00::5'],
    'mapped.example.com': ['::ffff:192.168.0.10'],
  });

  it('accepts public hosts and returns the checked address', async () => {
    const t = await checkCallbackUrl('https://hooks.example.com/x', none, dns);
    expect(t.address).toBe('93.184.216.34');
    expect(t.family).toBe(4);
    const t6 = await checkCallbackUrl('http://v6.example.com:8080/x', none, dns);
    expect(t6.family).toBe(6);
    await expect(checkCallbackUrl('http://[2606:4700:4700::1111]/x', none, dns)).resolves.toMatchObject({ hostname: '2606:4700:4700::1111' });
  });

  it.each([
    'http://127.0.0.1/cb', 'http://localhost.localdomain.invalid/cb', 'http://[::1]:3000/cb', 'http://0.0.0.0/cb',
    'http://10.0.0.8/cb', 'http://172.20.1.1/cb', 'http://192.168.0.1/cb', 'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/cb', 'http://[fc00::1]/cb', 'http://[::ffff:127.0.0.1]/cb',
    'http://internal.example.com/cb', 'http://rebind.example.com/cb', 'http://metadata.example.com/cb',
    'http://ula.example.com/cb', 'http://mapped.example.com/cb', 'http://2130706433/cb', 'http://0x7f.1/cb',
    'ftp://hooks.example.com/cb', 'file:///etc/passwd', 'http://user:pw@hooks.example.com/', 'not a url',
  ])('refuses %s', async (url) => {
    await expect(checkCallbackUrl(url, none, dns)).rejects.toBeInstanceOf(CallbackRefusedError);
  });

  it('names the allow-list setting in the refusal', async () => {
    await expect(checkCallbackUrl('http://internal.example.com/', none, dns)).rejects.toThrow(/CALLBACK_ALLOWLIST/);
  });

  it('allows listed host names, IPs and CIDRs', async () => {
    const list = new CallbackAllowlist(['internal.example.com', '127.0.0.1', '192.168.0.0/16', 'fd00::/8', '[::1]']);
    await expect(checkCallbackUrl('http://internal.example.com/cb', list, dns)).resolves.toMatchObject({ address: '10.1.2.3' });
    await expect(checkCallbackUrl('http://127.0.0.1:9999/cb', list, dns)).resolves.toBeTruthy();
    await expect(checkCallbackUrl('http://192.168.4.4/cb', list, dns)).resolves.toBeTruthy();
    await expect(checkCallbackUrl('http://mapped.example.com/cb', list, dns)).resolves.toBeTruthy();
    await expect(checkCallbackUrl('http://ula.example.com/cb', list, dns)).resolves.toBeTruthy();
    await expect(checkCallbackUrl('http://[::1]/cb', list, dns)).resolves.toBeTruthy();
    // Not listed: still refused.
    await expect(checkCallbackUrl('http://127.0.0.2/cb', list, dns)).rejects.toBeInstanceOf(CallbackRefusedError);
    await expect(checkCallbackUrl('http://10.0.0.1/cb', list, dns)).rejects.toBeInstanceOf(CallbackRefusedError);
    await expect(checkCallbackUrl('http://metadata.example.com/cb', list, dns)).rejects.toBeInstanceOf(CallbackRefusedError);
  });

  it('rejects malformed allow-list entries', () => {
    expect(() => new CallbackAllowlist(['10.0.0.0/33'])).toThrow(/CALLBACK_ALLOWLIST/);
    expect(() => new CallbackAllowlist(['http://x'])).toThrow(/CALLBACK_ALLOWLIST/);
  });

  it('uses the real resolver for localhost', async () => {
    await expect(checkCallbackUrl('http://localhost:1234/cb', none)).rejects.toBeInstanceOf(CallbackRefusedError);
  });
});
