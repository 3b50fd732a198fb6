using System.Net;
using BrandPlatform.Tickets.Features.Webhooks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>Which webhook callbacks the platform calls: https outside Development, public addresses in every IPv6 form.</summary>
public sealed class CallbackAddressTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tickets";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class PublicNames : ICallbackHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(new[] { IPAddress.Parse("93.184.215.14") });
    }

    private static CallbackAddresses In(string environment) =>
        new(new PublicNames(), Options.Create(new WebhookOptions()), new Environment(environment));

    [Fact]
    public async Task Http_callbacks_are_for_development_only()
    {
        var cancel = TestContext.Current.CancellationToken;
        (await In(Environments.Production).RefusalAsync("http://zwfw.example.gov.cn/notify", cancel)).ShouldBe(CallbackRefusal.Scheme);
        (await In(Environments.Staging).RefusalAsync("http://zwfw.example.gov.cn/notify", cancel)).ShouldBe(CallbackRefusal.Scheme);
        (await In(Environments.Production).RefusalAsync("https://zwfw.example.gov.cn/notify", cancel)).ShouldBeNull();
        (await In(Environments.Development).RefusalAsync("http://zwfw.example.gov.cn/notify", cancel)).ShouldBeNull();
        (await In(Environments.Production).RefusalAsync("https://u:p@zwfw.example.gov.cn/notify", cancel)).ShouldBe(CallbackRefusal.UserInfo);
    }

    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.128.0.0", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.255.255.255", false)]
    [InlineData("172.16.0.0", false)]
    [InlineData("192.168.255.1", false)]
    [InlineData("100.64.0.0", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("239.255.255.250", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fdff:ffff::1", false)]
    [InlineData("fe80::1%2", false)]
    [InlineData("ff05::2", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    [InlineData("::ffff:100.100.100.200", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("2002:a00:1::", false)]
    public void Only_public_addresses_are_called(string address, bool isPublic) =>
        CallbackAddresses.IsPublic(IPAddress.Parse(address)).ShouldBe(isPublic);

    [Theory]
    [InlineData("tickets", true)]
    [InlineData("localhost", true)]
    [InlineData("db.internal", true)]
    [InlineData("nas.local", true)]
    [InlineData("router.home.arpa", true)]
    [InlineData("zwfw.example.gov.cn", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::1", false)]
    public void Names_known_only_inside_the_platform_are_internal(string host, bool isInternal) =>
        CallbackAddresses.IsInternalName(host).ShouldBe(isInternal);
}
