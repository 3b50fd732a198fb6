using BrandPlatform.Portal.Api;
using Microsoft.AspNetCore.Components;

namespace BrandPlatform.Portal.Components.Tickets;

/// <summary>A ticket screen's calls end with it: a person who leaves does not wait for answers nobody reads.</summary>
public abstract class TicketScreen : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource leaving = new();

    [Inject] protected GatewayApi Api { get; set; } = null!;

    protected CancellationToken Leaving => leaving.Token;

    public void Dispose()
    {
        leaving.Cancel();
        leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
