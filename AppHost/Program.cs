using BrandPlatform.AppHost.Infrastructure;
using BrandPlatform.AppHost.Supervisor;
using Microsoft.Extensions.Configuration;

// run.sh asks here for the data folder, ports and mode it needs, rather than keeping copies of them.
if (args is [RunCommandSettings.Command, .. var configurationArguments])
{
    RunCommandSettings.Print(DistributedApplication.CreateBuilder(configurationArguments).Configuration, Console.Out);
    return;
}

var builder = DistributedApplication.CreateBuilder(args);

// Restarts a supervised process that crashes, and stops everything when one fails to start: see Supervisor/.
builder.AddProcessSupervisor();

// PostgreSQL and RabbitMQ as containers, as local server processes, or external: see Infrastructure/.
var infrastructure = builder.AddPlatformInfrastructure();

var tickets = builder.AddProject<Projects.Tickets>("tickets")
    .AsPlatformService(infrastructure, database: "ticketsdb");

var study = builder.AddProject<Projects.Study>("study")
    .AsPlatformService(infrastructure, database: "studydb");

var discipline = builder.AddProject<Projects.Discipline>("discipline")
    .AsPlatformService(infrastructure, database: "disciplinedb")
    // Sample cases, questions and pledge texts, so a demonstration can launch a campaign at once (Development only).
    .WithEnvironment("Discipline__SampleContent", "true");

var liaison = builder.AddProject<Projects.Liaison>("liaison")
    .AsPlatformService(infrastructure, database: "liaisondb");

var community = builder.AddProject<Projects.Community>("community")
    .AsPlatformService(infrastructure, database: "communitydb");

var reporting = builder.AddProject<Projects.Reporting>("reporting")
    .AsPlatformService(infrastructure, database: "reportingdb");

// The directory announces its units and people once (the first start seeds them): its subscribers' queues must be
// bound by then, or a fresh system's copies would miss them.
var identity = builder.AddProject<Projects.Identity>("identity")
    .AsPlatformService(infrastructure, database: "identitydb")
    .WaitFor(study).WaitFor(tickets).WaitFor(liaison).WaitFor(community);

// The web portal: served by the gateway under /portal, calling the APIs back through it with each person's token. Its
// database holds only the data-protection keys its replicas share; it has no use for the broker.
var portal = builder.AddProject<Projects.Portal>("portal")
    .WithDatabase(infrastructure, database: "portaldb")
    .WithHttpHealthCheck("/health")
    .WithSupervision();

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(portal)
    .WithReference(identity).WaitFor(identity)
    .WithReference(tickets).WaitFor(tickets)
    .WithReference(study).WaitFor(study)
    .WithReference(discipline).WaitFor(discipline)
    .WithReference(reporting).WaitFor(reporting)
    .WithReference(liaison).WaitFor(liaison)
    .WithReference(community).WaitFor(community)
    .WithPublicHttpEndpoint(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithSupervision();

// Tokens name the public issuer, the gateway's address under /identity/, and the gateway and every service trust it.
// The portal (web UI, later) signs people in with the authorization-code flow and gets its codes back at /portal/.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/identity/");
identity.WithEnvironment("Identity__Issuer", issuer).WithEnvironment("Identity__RequireHttps", "false")
    .WithEnvironment("Identity__Portal__RedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/portal/signin-callback"))
    .WithEnvironment("Identity__Portal__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/portal/signout-callback"));
portal.WithEnvironment("Portal__GatewayAddress", gateway.GetEndpoint("http"));
// 同心网's feeds link to the public news pages through the gateway.
community.WithEnvironment("Community__Publicity__SiteAddress", gateway.GetEndpoint("http"));
// The operators' page links to this dashboard (the AppHost's own address; run.sh sets it).
if (builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] is { Length: > 0 } dashboard)
{
    portal.WithEnvironment("Portal__DashboardAddress", dashboard);
}
// Platform:Replicas runs that many processes of each (the orchestrator's proxy spreads requests over them; each
// queue's consumers compete): what must happen once, happens once (README, "Replicas").
var replicas = builder.Configuration.GetValue("Platform:Replicas", 1);
foreach (var service in new[] { tickets, study, discipline, liaison, community, reporting, identity, gateway, portal })
{
    service.WithTokenAuthority(issuer).WithReplicas(replicas);
}

builder.Build().Run();
