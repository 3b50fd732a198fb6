using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.IntegrationTests;

public static class MovedClock
{
    /// <summary>
    /// Gives the service <paramref name="clock"/> for its rules (windows, deadlines, time limits) while tokens, issued on
    /// the real clock, are still judged on it: a test that moves the clock half an hour ahead does not see its tokens expire.
    /// </summary>
    public static void UseMovedClock(this IServiceCollection services, TimeProvider clock)
    {
        services.AddSingleton(clock);
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var skew = options.TokenValidationParameters.ClockSkew;
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                (notBefore is null || notBefore.Value <= DateTime.UtcNow + skew) && expires is not null && expires.Value >= DateTime.UtcNow - skew;
        });
    }
}
