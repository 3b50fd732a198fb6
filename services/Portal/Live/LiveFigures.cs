using System.Net.WebSockets;
using BrandPlatform.Portal.Security;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace BrandPlatform.Portal.Live;

/// <summary>
/// One connection per circuit to reporting's live figures (through the gateway, with the person's token): a page
/// listens for the areas it shows and reads its figures again when one changes, so charts move without a reload.
/// </summary>
public sealed class LiveFigures(CircuitTokens tokens, IConfiguration configuration, ILogger<LiveFigures> logger) : IAsyncDisposable
{
    public const string HubPath = "api/reporting/live";
    private HubConnection? connection;

    /// <summary>The area whose figures changed (ticket-records, study-activities, ...).</summary>
    public event Func<string, Task>? Changed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connection is not null)
        {
            return;
        }
        var gateway = (configuration[PortalPaths.GatewayAddressSetting] ?? PortalPaths.DefaultGatewayAddress).TrimEnd('/');
        connection = new HubConnectionBuilder()
            .WithUrl($"{gateway}/{HubPath}", options =>
            {
                options.AccessTokenProvider = () => tokens.AccessTokenAsync(CancellationToken.None);
                // One WebSocket request, no negotiate before it: with several reporting replicas behind the gateway,
                // a negotiate answered by one and a connect sent to another would never meet.
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect()
            .Build();
        connection.On<FigureChange>("figuresChanged", async change =>
        {
            if (Changed is { } handlers)
            {
                await handlers(change.Area);
            }
        });
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException or InvalidOperationException or WebSocketException)
        {
            // Live updates are a convenience: the page still shows what it read, and says so if reading fails. Without
            // negotiate, a refusal (403 for a person who may not read the figures) arrives as the WebSocket's failure.
            logger.LogWarning(unreachable, "Live figures are not available");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private sealed record FigureChange(string Area, DateTimeOffset At);
}
