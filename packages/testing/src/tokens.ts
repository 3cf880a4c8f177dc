/**
 * Token shapes as PostHog makes them (posthog/models/utils.py): a prefix plus a base57 string
 * (base62 without 0, 1, O, I, l) of a fixed length, since the top bit of the random number is set.
 */
import type { Random } from "./random.js";

const BASE57 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Characters of base57 needed for `bytes` random bytes with the top bit set. */
const lengthFor = (bytes: number) => Math.ceil((bytes * 8) / Math.log2(57));

/** A project API token (`phc_` + 32 random bytes): public, sent by the PostHog snippet. */
export const projectApiToken = (random: Random) => `phc_${random.string(lengthFor(32), BASE57)}`;
/** A project secret API token (`phs_` + 35 random bytes). */
export const projectSecretToken = (random: Random) => `phs_${random.string(lengthFor(35), BASE57)}`;
/** A personal API key (`phx_` + 32 random bytes), the credential scripts send as a Bearer token. */
export const personalApiKey = (random: Random) => `phx_${random.string(lengthFor(32), BASE57)}`;
/** An opaque session id, as Django's `sessionid` cookie carries. */
export const sessionId = (random: Random) => random.string(32, "abcdefghijklmnopqrstuvwxyz0123456789");
