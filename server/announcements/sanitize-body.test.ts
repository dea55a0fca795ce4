import { describe, expect, it } from "vitest";
import { isBlankBody, sanitizeBody } from "./sanitize-body";

describe("sanitizeBody", () => {
  it("keeps the editor's formatting", () => {
    const html = "<p><strong>停机</strong> <em>维护</em> <u>通知</u> <s>旧</s></p><ul><li>一</li></ul><ol><li>二</li></ol><h3>标题</h3><blockquote>引</blockquote><pre><code>x</code></pre>";
    expect(sanitizeBody(html)).toBe(html);
  });

  it("drops <script> with its content, and <style>, <iframe>, <img>", () => {
    expect(sanitizeBody('<p>Hi</p><script>alert("x")</script><style>p{}</style><iframe src="https://e.test"></iframe><img src="x.png">')).toBe("<p>Hi</p>");
  });

  it("drops event attributes such as onerror= and onclick=", () => {
    expect(sanitizeBody('<p onclick="steal()">a</p><img src=x onerror="alert(1)"><a href="https://e.test" onmouseover="x()">b</a>')).toBe(
      '<p>a</p><a href="https://e.test" rel="noopener noreferrer">b</a>',
    );
  });

  it("drops javascript: and data: links but keeps http, https and mailto, with rel forced", () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(sanitizeBody('<a href="JaVaScRiPt:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(sanitizeBody('<a href="data:text/html,hi">x</a>')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(sanitizeBody('<a href="mailto:help@example.com" target="_blank" rel="opener">m</a>')).toBe('<a href="mailto:help@example.com" target="_blank" rel="noopener noreferrer">m</a>');
    expect(sanitizeBody('<a href="http://e.test/a?b=1&amp;c=2">h</a>')).toBe('<a href="http://e.test/a?b=1&amp;c=2" rel="noopener noreferrer">h</a>');
  });

  it("drops style= and class= attributes and unknown tags, keeping their text", () => {
    expect(sanitizeBody('<p style="color:red" class="x">a</p><section><span style="position:fixed">b</span></section>')).toBe("<p>a</p>b");
  });

  it("keeps the lines Chrome's editor wraps in <div> apart, as paragraphs", () => {
    expect(sanitizeBody("第一行<div>第二行</div><div><br></div><div>第三行</div>")).toBe("第一行<p>第二行</p><p><br /></p><p>第三行</p>");
    expect(sanitizeBody('<div style="color:red" class="x">a</div>')).toBe("<p>a</p>");
  });

  it("is stable: sanitising twice changes nothing", () => {
    const once = sanitizeBody('<p>a &lt;b&gt; <a href="https://e.test" target="_top">c</a></p>');
    expect(sanitizeBody(once)).toBe(once);
  });

  it("knows a body that shows nothing", () => {
    expect(isBlankBody(sanitizeBody("<script>x()</script>"))).toBe(true);
    expect(isBlankBody(sanitizeBody("<p> <br> &nbsp;</p>"))).toBe(true);
    expect(isBlankBody(sanitizeBody("<p>一</p>"))).toBe(false);
  });
});
