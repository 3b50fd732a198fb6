using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>Every call needs a valid token for this service with the right scope; refusals are ProblemDetails.</summary>
public sealed class TokenRequirementTests(TicketsFixture fixture, BrandPlatform.Testing.TestServers servers) : IClassFixture<TicketsFixture>
{
    [Fact]
    public async Task Without_a_token_the_answer_is_401_problem_details()
    {
        using var client = fixture.Service.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_token_without_the_write_scope_may_read_but_not_submit()
    {
        using var client = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "tickets.read");
        using var submit = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), TestContext.Current.CancellationToken);
        submit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        submit.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var read = await client.GetAsync($"/api/tickets/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound, "reading is allowed; the ticket just does not exist");
    }

    [Fact]
    public async Task A_token_issued_for_another_service_is_refused()
    {
        using var client = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "reporting.read");
        using var response = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the audience is reporting, not tickets");
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var token = await fixture.Identity.TokenAsync("tickets.write");
        var parts = token.Split('.');
        // Change the payload (a different subject) but keep the original signature.
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        using var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"{parts[0]}.{new string(payload)}.{parts[2]}");

        using var response = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_the_answer_says_it_expired()
    {
        var token = await fixture.Identity.TokenAsync("tickets.write");
        // The same service two hours later: the 30-minute token has run out (beyond the one-minute clock skew).
        await using var later = await ServiceFactory<BrandPlatform.Tickets.Infrastructure.TicketsDbContext>.CreateAsync(
            servers, "tickets", "ticketsdb", identityBackchannel: fixture.Identity.Backchannel(),
            configureServices: services => services.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromHours(2))));
        using var client = IdentityHost.WithBearer(later.CreateClient(), token);

        using var response = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("The token expired");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("已过期");
        using var now = await fixture.Client.GetAsync($"/api/tickets/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        now.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the same kind of token is accepted by a service whose clock says now");
    }
}

/// <summary>The system clock moved by a fixed offset.</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
