import { describe, expect, it } from "vitest";
import { decodeEncodedWords } from "./decode-encoded-words";

describe("decodeEncodedWords (RFC 2047)", () => {
  it.each([
    ["B, UTF-8", "=?UTF-8?B?5rWL6K+V6YKu5Lu2?=", "测试邮件"],
    ["B, GBK", "=?GBK?B?suLK1NPKvP4=?=", "测试邮件"],
    ["B, GB2312 label on GBK text", "=?gb2312?B?suLK1NPKvP4=?=", "测试邮件"],
    ["Q, GB2312", "=?GB2312?Q?=C4=E3=BA=C3?=", "你好"],
    ["Q, underscore is a space", "=?utf-8?q?hello_world?=", "hello world"],
    ["plain text untouched", "Quarterly report", "Quarterly report"],
    ["text around a word", "Re: =?utf-8?B?5rWL6K+V?= done", "Re: 测试 done"],
    ["white space between adjacent words dropped", "=?utf-8?q?a?= \t =?utf-8?q?b?=", "ab"],
    ["a multi-byte character split across words", "=?utf-8?B?5rWL6K+V6Q==?= =?utf-8?B?gq7ku7Y=?=", "测试邮件"],
    ["unknown charset left as is", "=?x-nonsense?B?YWJj?=", "=?x-nonsense?B?YWJj?="],
    ["language suffix", "=?utf-8*zh?Q?=E4=BD=A0?=", "你"],
  ])("%s", (_name, input, expected) => {
    expect(decodeEncodedWords(input)).toBe(expected);
  });
});
