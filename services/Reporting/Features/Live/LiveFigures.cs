using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.SignalR;

namespace BrandPlatform.Reporting.Features.Live;

/// <summary>
/// The portal's live figures: connected readers hear <c>figuresChanged</c> { area, at } when a projection (the area)
/// has committed new events, and read that area's figures again. Nothing is pushed but the area's name: what a reader
/// may see is decided by the figure endpoints it then calls. Clients only listen; the hub has no methods.
/// </summary>
public sealed class FiguresHub : Hub
{
    public const string FiguresChanged = "figuresChanged";
}

/// <param name="Area">The projection whose figures changed (ticket-records, study-activities, ...).</param>
/// <param name="At">When reporting noticed the change, after its commit.</param>
public sealed record FiguresChanged(string Area, DateTimeOffset At);

/// <summary>Reporting:Live settings.</summary>
public sealed class LiveFiguresOptions
{
    /// <summary>
    /// At most one message per area within this span: a burst of events (a rebuild, a backlog after a restart) would
    /// otherwise make every open portal re-read its figures hundreds of times a second.
    /// </summary>
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromMilliseconds(200);
}

public static class LiveFigures
{
    public const string Path = "/live";

    public static WebApplicationBuilder AddLiveFigures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.Configure<LiveFiguresOptions>(builder.Configuration.GetSection("Reporting:Live"));
        builder.Services.AddSingleton<LiveFiguresNotifier>();
        builder.Services.AddSingleton<IProjectionObserver>(services => services.GetRequiredService<LiveFiguresNotifier>());
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveFiguresNotifier>());
        return builder;
    }

    /// <summary>Readers of the figures, and only they, may listen (the token in access_token for a browser's WebSocket).</summary>
    public static void MapLiveFigures(this RouteGroupBuilder reporting) =>
        reporting.MapHub<FiguresHub>(Path).RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers);
}
