using BrandPlatform.Platform.Http;
using BrandPlatform.Portal.Api;

namespace BrandPlatform.Portal.Components.Tickets;

/// <summary>What a list's footer shows: loading, empty, the problem, or "load more" while the API gives a next page.</summary>
public interface IPagedState
{
    int Count { get; }
    bool HasMore { get; }
    bool Loading { get; }
    bool Loaded { get; }
    ApiProblem? Problem { get; }
}

/// <summary>
/// A keyset-paged list of an API: the first page, then each 'next' link the API answered appended, never cut off.
/// </summary>
public sealed class PagedList<T>(GatewayApi api) : IPagedState
{
    private string? next;

    public List<T> Items { get; } = [];
    public int Count => Items.Count;
    public bool HasMore => next is not null;
    public bool Loading { get; private set; }
    public bool Loaded { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public async Task LoadAsync(string path, CancellationToken cancellationToken)
    {
        Items.Clear();
        next = null;
        Loaded = false;
        await FetchAsync(path, cancellationToken);
    }

    public Task MoreAsync(CancellationToken cancellationToken) => next is null ? Task.CompletedTask : FetchAsync(next, cancellationToken);

    private async Task FetchAsync(string path, CancellationToken cancellationToken)
    {
        Loading = true;
        Problem = null;
        var result = await api.GetAsync<Page<T>>(path, cancellationToken);
        Loading = false;
        Loaded = true;
        if (result.Value is { } page)
        {
            Items.AddRange(page.Items);
            next = page.Next;
        }
        else
        {
            Problem = result.Problem;
        }
    }
}
