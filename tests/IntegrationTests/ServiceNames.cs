namespace BrandPlatform.IntegrationTests;

/// <summary>The platform's processes by the names the AppHost, the gateway's clusters and the tokens' audiences use.</summary>
public static class ServiceNames
{
    /// <summary>The services with an API of their own (each its own audience), identity first.</summary>
    public static readonly string[] Apis = ["identity", "tickets", "study", "discipline", "liaison", "community", "reporting"];

    /// <summary>Every cluster the gateway routes to: the APIs and the portal.</summary>
    public static readonly string[] Clusters = [.. Apis, "portal"];

    /// <summary>The services the API reference lists, in its order (the gateway's ApiReference:Documents).</summary>
    public static readonly string[] Documented = ["tickets", "identity", "study", "discipline", "reporting", "liaison", "community"];
}
