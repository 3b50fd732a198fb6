using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ScottPlot;
using SkiaSharp;

namespace BrandPlatform.Printing;

/// <summary>
/// The Chinese font PDFs are drawn with: Debian's Noto Sans CJK (fonts-noto-cjk, installed by run.sh and test.sh),
/// loaded by file because the Skia build here has no fontconfig. <c>Printing:FontFile</c> names another file (and then
/// only that one is tried); otherwise Debian's path, then where fc-match finds the family. A missing font is not
/// cached: installing it makes the next document work without a restart.
/// </summary>
public sealed class ChineseFont(IConfiguration configuration, ILogger<ChineseFont> logger)
{
    public const string FileSetting = "Printing:FontFile";
    public const string DebianFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /// <summary>The family ScottPlot's charts ask for; <see cref="Resolver"/> answers it with the same face.</summary>
    public const string Family = "Noto Sans CJK SC";
    /// <summary>The Simplified Chinese face in Noto's CJK collection (0 is Japanese, whose glyph forms differ).</summary>
    private const int SimplifiedChineseIndex = 2;

    private static readonly Lock Registering = new();
    private static bool resolverAdded;
    private (string File, int Index)? found;

    /// <summary>The font's typeface (the caller disposes it), or null when it is not installed.</summary>
    public SKTypeface? Load()
    {
        (string File, int Index) font;
        lock (Registering)
        {
            if ((found ??= Find()) is not { } installed)
            {
                logger.LogWarning("No Chinese font to draw PDFs with: install Debian's fonts-noto-cjk or set {Setting}", FileSetting);
                return null;
            }
            font = installed;
            if (!resolverAdded)
            {
                Fonts.FontResolvers.Add(new Resolver(font.File, font.Index));
                resolverAdded = true;
            }
        }
        return SKTypeface.FromFile(font.File, font.Index);
    }

    private (string File, int Index)? Find()
    {
        if (configuration[FileSetting] is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? (configured, IndexIn(configured)) : null;
        }
        if (File.Exists(DebianFile))
        {
            return (DebianFile, SimplifiedChineseIndex);
        }
        var matched = FontConfigMatch();
        return matched is not null && matched.Contains("NotoSansCJK", StringComparison.OrdinalIgnoreCase) && File.Exists(matched)
            ? (matched, IndexIn(matched)) : null;
    }

    private static int IndexIn(string file) => file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) ? SimplifiedChineseIndex : 0;

    /// <summary>fc-match always answers some font, so the caller checks it is the one asked for.</summary>
    private static string? FontConfigMatch()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-match", ["-f", "%{file}", Family]) { RedirectStandardOutput = true })!;
            var file = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(TimeSpan.FromSeconds(5)) && process.ExitCode == 0 ? file.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no fontconfig on the machine
        }
    }

    /// <summary>ScottPlot finds fonts by family name through fontconfig, which this Skia build lacks: it asks this instead.</summary>
    private sealed class Resolver(string file, int index) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? SKTypeface.FromFile(file, index) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? SKTypeface.FromFile(file, index) : null;
    }
}
