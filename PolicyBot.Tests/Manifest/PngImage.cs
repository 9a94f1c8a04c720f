using System.Buffers.Binary;
using System.IO.Compression;

namespace PolicyBot.Tests.Manifest;

/// <summary>
/// A decoded 8-bit RGB or RGBA PNG, read here in C# (IHDR + IDAT + unfiltering) so the icon checks do not
/// rely on the same library that drew the icons.
/// </summary>
public sealed record PngImage(int Width, int Height, byte ColorType, byte[] Rgba)
{
    static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public bool HasAlphaChannel => ColorType == 6;

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4)
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG: the signature is missing");

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                interlace = data[12];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
            offset += 12 + length; // length, type, data, CRC
        }

        if (width == 0 || height == 0) throw new InvalidDataException("no IHDR chunk");
        if (bitDepth != 8 || interlace != 0 || colorType is not (2 or 6))
            throw new NotSupportedException($"only 8-bit, non-interlaced RGB/RGBA PNGs are read here (depth {bitDepth}, colour type {colorType}, interlace {interlace})");

        var channels = colorType == 6 ? 4 : 3;
        var stride = width * channels;
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        if (raw.Length != height * (stride + 1))
            throw new InvalidDataException($"image data is {raw.Length} bytes, expected {height * (stride + 1)}");

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[y * (stride + 1) + 1 + x];
                int left = x >= channels ? pixels[y * stride + x - channels] : 0;
                int up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                pixels[y * stride + x] = filter switch
                {
                    0 => value,
                    1 => (byte)(value + left),
                    2 => (byte)(value + up),
                    3 => (byte)(value + (left + up) / 2),
                    4 => (byte)(value + Paeth(left, up, upLeft)),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter} on row {y}"),
                };
            }
        }

        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            rgba[i * 4] = pixels[i * channels];
            rgba[i * 4 + 1] = pixels[i * channels + 1];
            rgba[i * 4 + 2] = pixels[i * channels + 2];
            rgba[i * 4 + 3] = channels == 4 ? pixels[i * channels + 3] : (byte)255;
        }
        return new PngImage(width, height, colorType, rgba);
    }

    static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
