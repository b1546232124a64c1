"""Rewrites a subset Inter (CFF outlines) with TrueType outlines.

Dear ImGui rasterises the atlas with stb_truetype, which reads a CFF glyph by
running its charstring program, once for the glyph's box and again for its
shape; TrueType outlines it reads directly. In the browser's baseline-compiled
wasm that takes a third off the first frame's atlas bake (docs/performance.md).
Usage: truetype_outlines.py <in.otf> <out.ttf>
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Cubic curves become quadratic ones within this many font units of the
# original (Inter's em is 2816 units): 0.3 px on the 72 px countdown at dpr 3,
# 0.08 px in body text.
MAX_ERROR_UNITS = 4

source, target = sys.argv[1], sys.argv[2]
font = TTFont(source)
glyphs = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder = font.getGlyphOrder()
glyf.glyphs = {}
for name in glyf.glyphOrder:
    pen = TTGlyphPen(glyphs)
    # TrueType winds outer contours the other way round from CFF.
    glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR_UNITS, reverse_direction=True))
    glyf[name] = pen.glyph()
del font["CFF "]
font["glyf"] = glyf
font["loca"] = newTable("loca")
maxp = newTable("maxp")
maxp.tableVersion = 0x00010000
maxp.maxZones = 1
for field in ("numGlyphs", "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
              "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
              "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
    setattr(maxp, field, 0)  # recomputed from the glyphs when saved
font["maxp"] = maxp
font["head"].glyphDataFormat = 0
font["post"].formatType = 3.0  # no glyph names: nothing reads them
font.sfntVersion = "\x00\x01\x00\x00"
font.save(target)
