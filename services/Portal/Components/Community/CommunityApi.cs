using BrandPlatform.Portal.Api;
using BrandPlatform.Portal.Components.Study;

namespace BrandPlatform.Portal.Components.Community;

/// <summary>Reads of the community API that more than one screen needs.</summary>
public static class CommunityApi
{
    /// <summary>Every community (a short list: the ones the organ's branches serve), for a form's choice.</summary>
    public static Task<ApiResult<IReadOnlyList<CommunityView>>> CommunitiesAsync(this GatewayApi api, CancellationToken cancellationToken) =>
        api.AllAsync<CommunityView>("api/community/communities", cancellationToken);

    /// <summary>The caller's open registration of the year; none (the API's 404) is no problem.</summary>
    public static async Task<ApiResult<RegistrationView>> MyRegistrationAsync(this GatewayApi api, int year, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync<RegistrationView>($"api/community/registrations/mine?year={year}", cancellationToken);
        return answer.Problem?.Status == 404 ? new ApiResult<RegistrationView>(default, null, null) : answer;
    }

    /// <summary>The theme of today's quarter, or none yet (the API's 404 is no problem).</summary>
    public static async Task<ApiResult<ThemeView>> CurrentThemeAsync(this GatewayApi api, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync<ThemeView>("api/community/themes/current", cancellationToken);
        return answer.Problem?.Status == 404 ? new ApiResult<ThemeView>(default, null, null) : answer;
    }

    /// <summary>The ETag a change names: the answer's, or the version it carries in the API's form.</summary>
    public static string ETagOf(string? etag, int version) => etag ?? $"\"{version}\"";
}
