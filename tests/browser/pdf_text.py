"""The text of each page of a PDF printed by Chromium, with the standard library only.

Enough for Chromium's own output (Skia): objects in the clear, Flate streams, Type0 fonts with
a ToUnicode map, text drawn with Tj and TJ in hexadecimal strings. Not a general PDF reader.
"""

import re
import zlib

OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
REF = rb"(\d+) 0 R"


def _stream(obj):
    m = re.search(rb"stream\r?\n(.*?)\r?\nendstream", obj, re.S)
    if not m:
        return b""
    data = m.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in obj[: m.start()] else data


def _cmap(data):
    """Code (bytes as hex) -> text, from a ToUnicode CMap."""
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[src.decode().upper()] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width, start = len(lo), int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[format(code, f"0{len(lo)}X")] = chr(start + i)
            del width
    return out


def _dict_refs(obj, key, objs):
    """The `/Name N 0 R` pairs of the dictionary under `key` (inline or by reference)."""
    m = re.search(rb"/" + key + rb"\s*<<(.*?)>>", obj, re.S)
    if not m:
        ref = re.search(rb"/" + key + rb"\s+" + REF, obj)
        if not ref:
            return {}
        inner = objs.get(int(ref.group(1)), b"")
        m = re.search(rb"<<(.*?)>>", inner, re.S)
        if not m:
            return {}
    return {name.decode(): int(n) for name, n in re.findall(rb"/(\w+)\s+" + REF, m.group(1))}


def pages(pdf):
    """The text of each page, in order."""
    objs = {int(m.group(1)): m.group(2) for m in OBJ.finditer(pdf)}
    kids = []
    for obj in objs.values():
        if re.search(rb"/Type\s*/Pages\b", obj) and b"/Parent" not in obj:
            kids = [int(k) for k in re.findall(REF, re.search(rb"/Kids\s*\[(.*?)\]", obj, re.S).group(1))]
    order = []

    def walk(n):
        obj = objs[n]
        if re.search(rb"/Type\s*/Pages\b", obj):
            for k in re.findall(REF, re.search(rb"/Kids\s*\[(.*?)\]", obj, re.S).group(1)):
                walk(int(k))
        else:
            order.append(n)

    for k in kids:
        walk(k)
    texts = []
    for n in order:
        page = objs[n]
        resources = page
        res_ref = re.search(rb"/Resources\s+" + REF, page)
        if res_ref:
            resources = objs[int(res_ref.group(1))]
        fonts = {}
        for name, ref in _dict_refs(resources, b"Font", objs).items():
            uni = re.search(rb"/ToUnicode\s+" + REF, objs.get(ref, b""))
            fonts[name] = _cmap(_stream(objs[int(uni.group(1))])) if uni else {}
        contents = re.search(rb"/Contents\s*(\[(.*?)\]|" + REF + rb")", page, re.S)
        refs = re.findall(REF, contents.group(1)) if contents else []
        data = b"".join(_stream(objs[int(r)]) for r in refs)
        text, font = [], {}
        for m in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|\[(.*?)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|(ET)", data, re.S):
            if m.group(1):
                font = fonts.get(m.group(1).decode(), {})
            elif m.group(4):
                text.append("\n")
            else:
                hexes = re.findall(rb"<([0-9A-Fa-f]*)>", m.group(2)) if m.group(2) is not None else [m.group(3)]
                for h in hexes:
                    h = h.decode().upper()
                    step = 4 if font and len(next(iter(font))) == 4 else 2
                    text.extend(font.get(h[i:i + step], "?") for i in range(0, len(h), step))
        texts.append("".join(text))
    return texts
