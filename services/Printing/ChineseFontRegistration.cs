using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BrandPlatform.Printing;

public static class ChineseFontRegistration
{
    /// <summary>One <see cref="ChineseFont"/> for the process: it remembers where the font was found.</summary>
    public static IServiceCollection AddChineseFont(this IServiceCollection services)
    {
        services.TryAddSingleton<ChineseFont>();
        return services;
    }
}
