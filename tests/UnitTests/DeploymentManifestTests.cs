using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>
/// deploy/ (README: "Deploying to Kubernetes") rendered as kubectl renders it and read strictly into the Kubernetes
/// API's own types (KubernetesClient's models): an unknown field, a wrong type or an unknown kind is an error here, as
/// the API server would answer. Then held to the AppHost: every process it starts has a Deployment that gives it what
/// the AppHost gives it.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    private const string ConnectionsSecret = "brandplatform-connections";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> Rendered = new();

    public static TheoryData<string> Kustomizations() =>
        new(["deploy/base", .. Directory.GetDirectories(RepositoryFiles.PathOf("deploy", "overlays"))
            .Select(overlay => Path.GetRelativePath(RepositoryFiles.Root, overlay)).Order()]);

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_object_is_a_Kubernetes_object_of_the_platform(string kustomization)
    {
        var objects = Render(kustomization);

        objects.ShouldNotBeEmpty();
        objects.ShouldAllBe(o => !string.IsNullOrEmpty(o.Metadata.Name)
            && o.Metadata.Labels != null && o.Metadata.Labels.Contains(new KeyValuePair<string, string>("app.kubernetes.io/part-of", "brandplatform")));
    }

    private const string ValidDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: tickets
        spec:
          replicas: 2
          selector:
            matchLabels:
              app.kubernetes.io/name: tickets
          template:
            spec:
              containers:
                - name: app
                  image: brandplatform/tickets
                  readinessProbe:
                    httpGet:
                      path: /health
                      port: http
                    periodSeconds: 10
        """;

    [Theory]
    [InlineData("replicas: 2", "replica: 2")]
    [InlineData("replicas: 2", "replicas: two")]
    [InlineData("periodSeconds: 10", "periodSecond: 10")]
    [InlineData("image: brandplatform/tickets", "image: [brandplatform/tickets]")]
    [InlineData("kind: Deployment", "kind: Deploymnet")]
    [InlineData("apiVersion: apps/v1", "apiVersion: apps/v2")]
    public void A_manifest_with_an_unknown_field_a_wrong_type_or_an_unknown_kind_is_refused(string valid, string broken)
    {
        Read(ValidDeployment).Single().ShouldBeOfType<V1Deployment>().Spec.Replicas.ShouldBe(2);

        Should.Throw<Exception>(() => Read(ValidDeployment.Replace(valid, broken, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_process_of_the_AppHost_runs_replicated_probed_limited_and_locked_down(string kustomization)
    {
        var objects = Render(kustomization);
        foreach (var process in AppHostProcesses())
        {
            var deployment = Deployment(objects, process.Name);
            var pod = deployment.Spec.Template.Spec;
            var app = pod.Containers.ShouldHaveSingleItem();
            // One image per process; the overlays' images: give it a registry and a tag.
            app.Image.ShouldContain($"brandplatform/{process.Name}:", Case.Sensitive, process.Name);

            app.ReadinessProbe.HttpGet.Path.ShouldBe("/health", process.Name);
            app.LivenessProbe.HttpGet.Path.ShouldBe("/alive", process.Name);
            app.StartupProbe.ShouldNotBeNull(process.Name);
            app.Resources.Requests.Keys.ShouldBe(["cpu", "memory"], ignoreOrder: true, process.Name);
            app.Resources.Limits.Keys.ShouldBe(["cpu", "memory"], ignoreOrder: true, process.Name);
            pod.SecurityContext.RunAsNonRoot.ShouldBe(true, process.Name);
            app.SecurityContext.ReadOnlyRootFilesystem.ShouldBe(true, process.Name);
            app.SecurityContext.AllowPrivilegeEscalation.ShouldBe(false, process.Name);
            var tmp = app.VolumeMounts.Single(m => m.MountPath == "/tmp");
            pod.Volumes.Single(v => v.Name == tmp.Name).EmptyDir.ShouldNotBeNull(process.Name);

            var autoscaler = objects.OfType<V2HorizontalPodAutoscaler>().SingleOrDefault(h => h.Spec.ScaleTargetRef.Name == process.Name);
            (autoscaler?.Spec.MinReplicas ?? deployment.Spec.Replicas ?? 1).ShouldBeGreaterThanOrEqualTo(2, process.Name);
            objects.OfType<V1PodDisruptionBudget>().ShouldContain(b => Selects(b.Spec.Selector, deployment.Spec.Template.Metadata.Labels), process.Name);
            var service = objects.OfType<V1Service>().Single(s => s.Metadata.Name == process.Name);
            service.Spec.Ports.ShouldHaveSingleItem().Port.ShouldBe(80);
            Selects(service.Spec.Selector, deployment.Spec.Template.Metadata.Labels).ShouldBeTrue(process.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Each_process_reads_its_own_database_and_a_service_the_broker_from_the_secret_and_is_migrated_by_a_Job_first(string kustomization)
    {
        var objects = Render(kustomization);
        foreach (var process in AppHostProcesses())
        {
            var deployment = Deployment(objects, process.Name);
            var app = deployment.Spec.Template.Spec.Containers.Single();
            var connections = (app.Env ?? []).Where(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();
            if (process.Database is null)
            {
                connections.ShouldBeEmpty(process.Name);
                continue;
            }
            connections.Select(e => (e.Name, e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key)).ShouldBe(
                [($"ConnectionStrings__{process.Database}", ConnectionsSecret, process.Database),
                    .. process.Broker ? [("ConnectionStrings__messaging", ConnectionsSecret, "messaging")] : Array.Empty<(string, string, string)>()],
                ignoreOrder: true, process.Name);

            var job = objects.OfType<V1Job>().Single(j => j.Metadata.Name == $"{process.Name}-migrate");
            var migrate = job.Spec.Template.Spec.Containers.ShouldHaveSingleItem();
            migrate.Args.ShouldBe(["migrate"]);
            migrate.Image.ShouldBe(app.Image);
            // migrate builds the service's whole host, so it needs the whole environment (identity: its certificates).
            Json(migrate.Env).ShouldBe(Json(app.Env), process.Name);
            Json(migrate.EnvFrom).ShouldBe(Json(app.EnvFrom), process.Name);
            Json(migrate.VolumeMounts).ShouldBe(Json(app.VolumeMounts), process.Name);
            // ../deploy/apply.sh applies a Deployment only once the Jobs completed.
            deployment.Metadata.Labels.ShouldContainKey("brandplatform.gov.cn/rollout");
        }
        objects.OfType<V1Job>().Count().ShouldBe(AppHostProcesses().Count(p => p.Database is not null));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Each_process_gets_the_settings_the_AppHost_gives_it(string kustomization)
    {
        var objects = Render(kustomization);
        var publicAddress = objects.OfType<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("brandplatform-platform", StringComparison.Ordinal))
            .Data["PUBLIC_ADDRESS"];
        publicAddress.ShouldStartWith("https://");
        foreach (var process in AppHostProcesses())
        {
            Environment(objects, process.Name)["Identity__Authority"].ShouldBe("$(PUBLIC_ADDRESS)/identity/", process.Name);
        }

        var identity = Environment(objects, "identity");
        identity["Identity__Issuer"].ShouldBe("$(PUBLIC_ADDRESS)/identity/");
        identity["Identity__Portal__RedirectUris__0"].ShouldBe("$(PUBLIC_ADDRESS)/portal/signin-callback");
        identity["Identity__Portal__PostLogoutRedirectUris__0"].ShouldBe("$(PUBLIC_ADDRESS)/portal/signout-callback");
        identity.ShouldNotContainKey("Identity__RequireHttps");
        var identityPod = Deployment(objects, "identity").Spec.Template.Spec;
        foreach (var certificate in new[] { "SigningCertificate", "EncryptionCertificate" })
        {
            var path = identity[$"Identity__{certificate}__Path"];
            var mount = identityPod.Containers.Single().VolumeMounts.Single(m => path.StartsWith(m.MountPath + "/", StringComparison.Ordinal));
            var secret = identityPod.Volumes.Single(v => v.Name == mount.Name).Secret;
            secret.Items.ShouldContain(i => i.Path == Path.GetFileName(path));
            identityPod.Containers.Single().Env.Single(e => e.Name == $"Identity__{certificate}__Password")
                .ValueFrom.SecretKeyRef.Name.ShouldBe(secret.SecretName);
        }

        var portalGateway = new Uri(Environment(objects, "portal")["Portal__GatewayAddress"]);
        Selects(objects.OfType<V1Service>().Single(s => s.Metadata.Name == portalGateway.Host).Spec.Selector,
            Deployment(objects, "gateway").Spec.Template.Metadata.Labels).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void The_gateway_is_the_only_way_in_and_reaches_every_cluster_of_its_configuration(string kustomization)
    {
        var objects = Render(kustomization);
        objects.OfType<V1Ingress>().SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths)
            .Select(p => p.Backend.Service.Name).Distinct().ShouldBe(["gateway"]);
        objects.OfType<V1Service>().Where(s => s.Spec.Type is "LoadBalancer" or "NodePort").ShouldAllBe(s => s.Metadata.Name == "gateway");

        var gateway = Environment(objects, "gateway");
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("gateway", "appsettings.json")));
        foreach (var cluster in settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject())
        {
            foreach (var destination in cluster.Value.GetProperty("Destinations").EnumerateObject())
            {
                var address = new Uri(destination.Value.GetProperty("Address").GetString()!);
                gateway[$"services__{address.Host}__http__0"].ShouldBe($"http://{address.Host}", cluster.Name);
                objects.OfType<V1Service>().ShouldContain(s => s.Metadata.Name == address.Host, cluster.Name);
            }
        }

        foreach (var name in new[] { "gateway", "tickets" })
        {
            var autoscaler = objects.OfType<V2HorizontalPodAutoscaler>().Single(h => h.Spec.ScaleTargetRef.Name == name);
            autoscaler.Spec.MaxReplicas.ShouldBeGreaterThan(autoscaler.Spec.MinReplicas ?? 1);
            autoscaler.Spec.Metrics.ShouldContain(m => m.Resource.Name == "cpu");
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Only_the_gateway_reaches_the_services_and_the_portal(string kustomization)
    {
        var objects = Render(kustomization);
        var policies = objects.OfType<V1NetworkPolicy>().ToList();
        policies.ShouldContain(p => Selects(p.Spec.PodSelector, new Dictionary<string, string>())
            && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.PolicyTypes.Contains("Egress")
            && p.Spec.Ingress == null && p.Spec.Egress == null);
        var gatewayPod = Deployment(objects, "gateway").Spec.Template.Metadata.Labels;
        foreach (var process in AppHostProcesses().Where(p => p.Name != "gateway"))
        {
            var labels = Deployment(objects, process.Name).Spec.Template.Metadata.Labels;
            var admitting = policies.Where(p => Selects(p.Spec.PodSelector, labels) && p.Spec.Ingress != null).ToList();
            admitting.ShouldNotBeEmpty(process.Name);
            admitting.SelectMany(p => p.Spec.Ingress).ShouldAllBe(rule => rule.FromProperty != null
                && rule.FromProperty.All(peer => peer.IpBlock == null && peer.NamespaceSelector == null && Selects(peer.PodSelector, gatewayPod)));
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Each_process_with_a_database_and_its_migration_reach_PostgreSQL_and_only_the_services_RabbitMQ(string kustomization)
    {
        var objects = Render(kustomization);
        var policies = objects.OfType<V1NetworkPolicy>().ToList();
        foreach (var process in AppHostProcesses())
        {
            var ports = EgressPorts(policies, Deployment(objects, process.Name).Spec.Template.Metadata.Labels);
            ports.Contains("5432").ShouldBe(process.Database is not null, process.Name);
            ports.Contains("5672").ShouldBe(process.Broker, process.Name);
            if (process.Database is not null)
            {
                EgressPorts(policies, objects.OfType<V1Job>().Single(j => j.Metadata.Name == $"{process.Name}-migrate").Spec.Template.Metadata.Labels)
                    .ShouldContain("5432", process.Name);
            }
        }
    }

    /// <summary>The ports the policies selecting a pod with these labels let it reach.</summary>
    private static HashSet<string> EgressPorts(IEnumerable<V1NetworkPolicy> policies, IDictionary<string, string> labels) =>
        [.. policies.Where(p => Selects(p.Spec.PodSelector, labels) && p.Spec.Egress != null)
            .SelectMany(p => p.Spec.Egress).SelectMany(rule => rule.Ports ?? []).Select(port => port.Port.Value)];

    /// <param name="Broker">A service (<c>AsPlatformService</c>): the broker besides its database.</param>
    private sealed record AppHostProcess(string Name, string? Database, bool Broker);

    /// <summary>The processes AppHost/Program.cs starts, the database each asks for, and which are services.</summary>
    private static IReadOnlyList<AppHostProcess> AppHostProcesses()
    {
        var processes = AddProject().Matches(File.ReadAllText(RepositoryFiles.PathOf("AppHost", "Program.cs")))
            .Select(m => new AppHostProcess(m.Groups["name"].Value, m.Groups["database"].Success ? m.Groups["database"].Value : null,
                m.Value.Contains(".AsPlatformService(", StringComparison.Ordinal)))
            .ToList();
        processes.ShouldContain(p => p.Name == "gateway");
        processes.ShouldContain(p => p.Database != null);
        return processes;
    }

    private static V1Deployment Deployment(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects, string name) =>
        objects.OfType<V1Deployment>().SingleOrDefault(d => d.Metadata.Name == name)
        ?? throw new ShouldAssertException($"deploy/ has no Deployment for the AppHost's {name}");

    /// <summary>A Deployment's literal environment values (those set from a secret or a field are not listed).</summary>
    private static Dictionary<string, string> Environment(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects, string name) =>
        Deployment(objects, name).Spec.Template.Spec.Containers.Single().Env
            .Where(e => e.Value != null).ToDictionary(e => e.Name, e => e.Value);

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var value) && e.Values.Contains(value),
            "NotIn" => !labels.TryGetValue(e.Key, out var value) || !e.Values.Contains(value),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new ShouldAssertException($"unknown selector operator {e.OperatorProperty}"),
        });

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        Selects(new V1LabelSelector { MatchLabels = selector }, labels);

    private static string Json(object? value) => KubernetesJson.Serialize(value);

    private static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Render(string kustomization) =>
        Rendered.GetOrAdd(kustomization, path => Read(Kubectl("kustomize", RepositoryFiles.PathOf(path))));

    /// <summary>Strict: a field the type does not have is an error, not something to drop.</summary>
    private static List<IKubernetesObject<V1ObjectMeta>> Read(string yaml) =>
        [.. KubernetesYaml.LoadAllFromString(yaml, strict: true).Cast<IKubernetesObject<V1ObjectMeta>>()];

    private static string Kubectl(params string[] arguments)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("kubectl", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "kubectl (1.32 or later, with its built-in kustomize) renders deploy/ for these tests and is not on PATH (./test.sh says so at its start; README: \"Deploying to Kubernetes\")", exception);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"kubectl {string.Join(' ', arguments)}: {errors}");
            return output.Result;
        }
    }

    [GeneratedRegex("""AddProject<Projects\.\w+>\("(?<name>\w+)"\)(?:[^;]*?database:\s*"(?<database>\w+)")?[^;]*;""")]
    private static partial Regex AddProject();
}
