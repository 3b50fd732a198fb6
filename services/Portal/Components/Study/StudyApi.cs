using BrandPlatform.Platform.Http;
using BrandPlatform.Portal.Api;

namespace BrandPlatform.Portal.Components.Study;

/// <summary>Reads the study API needs in more than one screen.</summary>
public static class StudyApi
{
    /// <summary>
    /// Every item of a short list (a branch's roster, the branches a keeper keeps), following the API's 'next' links:
    /// an attendance sheet must name everyone, never just the first page.
    /// </summary>
    public static async Task<ApiResult<IReadOnlyList<T>>> AllAsync<T>(this GatewayApi api, string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        for (string? next = path; next is not null;)
        {
            var page = await api.GetAsync<Page<T>>(next, cancellationToken);
            if (!page.Succeeded || page.Value is null)
            {
                return new ApiResult<IReadOnlyList<T>>(null, page.Problem, null);
            }
            items.AddRange(page.Value.Items);
            next = page.Value.Next;
        }
        return new ApiResult<IReadOnlyList<T>>(items, null, null);
    }

    /// <summary>The branches the person keeps (the office: all of them).</summary>
    public static Task<ApiResult<IReadOnlyList<BranchItem>>> BranchesAsync(this GatewayApi api, CancellationToken cancellationToken) =>
        api.AllAsync<BranchItem>("api/study/branches", cancellationToken);
}
