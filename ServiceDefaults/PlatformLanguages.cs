using System.Globalization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Answers speak Chinese unless the caller asks for English with Accept-Language (request localization, registered by
/// AddServiceDefaults; the pipeline calls UseRequestLocalization before anything that can answer a problem).
/// </summary>
public static class PlatformLanguages
{
    public static readonly CultureInfo Default = CultureInfo.GetCultureInfo("zh-CN");

    public static readonly IReadOnlyList<CultureInfo> Supported = [Default, CultureInfo.GetCultureInfo("en")];
}
