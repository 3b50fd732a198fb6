using System.Net;
using System.Text.Json;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// The question bank through the API against real PostgreSQL: the office's alone (it holds the answers), answer keys
/// that do not fit the kind refused (422, nothing written), revisions under If-Match, retiring and restoring, filters.
/// </summary>
public sealed class QuestionBankTests(TestServers servers)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly object Single = new
    {
        kind = "singleChoice", stem = "中央八项规定出台于哪一年？", options = new[] { "2012年", "2013年", "2014年" }, correctOptions = new[] { 0 },
        explanation = "2012年12月4日，中央政治局会议审议通过。", violationTypes = new[] { "other" },
    };

    private static readonly object TrueFalse = new
    {
        kind = "trueFalse", stem = "节日期间可以使用公务用车接送家属。", options = new[] { "正确", "错误" }, correctOptions = new[] { 1 },
        violationTypes = new[] { "officialCarMisuse" },
    };

    [Fact]
    public async Task Only_the_office_reads_or_writes_the_bank()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var office = await world.ClientAsync("office");
        var id = await CreateAsync(world, office, Single);
        foreach (var person in new[] { "member", "secretary" })
        {
            using var client = await world.ClientAsync(person);
            (await world.SendAsync(client, HttpMethod.Get, "/api/discipline/questions")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, person);
            (await world.SendAsync(client, HttpMethod.Get, $"/api/discipline/questions/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, person);
            (await world.SendAsync(client, HttpMethod.Post, "/api/discipline/questions", Single)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, person);
            (await world.SendAsync(client, HttpMethod.Post, $"/api/discipline/questions/{id}/retire")).Response.StatusCode
                .ShouldBe(HttpStatusCode.Forbidden, person);
        }
        var (read, question) = await world.SendAsync(office, HttpMethod.Get, $"/api/discipline/questions/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        question.GetProperty("correctOptions").EnumerateArray().Select(i => i.GetInt32()).ShouldBe([0]);
        (await world.Discipline.QueryAsync(db => db.Questions.CountAsync(Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_key_that_does_not_fit_the_kind_is_refused_and_nothing_is_written()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var office = await world.ClientAsync("office");
        var unfit = new object[]
        {
            new { kind = "trueFalse", stem = "判断题", options = new[] { "正确", "错误", "不确定" }, correctOptions = new[] { 0 } },
            new { kind = "trueFalse", stem = "判断题", options = new[] { "正确", "错误" }, correctOptions = new[] { 0, 1 } },
            new { kind = "singleChoice", stem = "单选题", options = new[] { "甲", "乙", "丙" }, correctOptions = new[] { 0, 2 } },
            new { kind = "singleChoice", stem = "单选题", options = new[] { "甲", "乙", "丙" }, correctOptions = new[] { 3 } },
            new { kind = "multipleChoice", stem = "多选题", options = new[] { "甲", "乙", "丙" }, correctOptions = new[] { 1 } },
            new { kind = "multipleChoice", stem = "多选题", options = new[] { "甲", "乙" }, correctOptions = new[] { 0, 1 } },
            new { kind = "multipleChoice", stem = "多选题", options = new[] { "甲", "乙", "丙" }, correctOptions = new[] { 0, 0, 1 } },
        };
        foreach (var body in unfit)
        {
            var (refused, problem) = await world.SendAsync(office, HttpMethod.Post, "/api/discipline/questions", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, JsonSerializer.Serialize(body));
            problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        }
        var invalid = new (object Body, string Field)[]
        {
            (new { kind = "singleChoice", stem = "单选题", options = new[] { "甲" }, correctOptions = new[] { 0 } }, "options"),
            (new { kind = "singleChoice", stem = "单选题", options = new[] { "甲", "甲 " }, correctOptions = new[] { 0 } }, "options"),
            (new { kind = "singleChoice", stem = "单选题", options = new[] { "甲", " " }, correctOptions = new[] { 0 } }, "options[1]"),
            (new { kind = "singleChoice", stem = "", options = new[] { "甲", "乙" }, correctOptions = new[] { 0 } }, "stem"),
            (new { kind = "singleChoice", stem = "单选题", options = new[] { "甲", "乙" }, correctOptions = Array.Empty<int>() }, "correctOptions"),
            (new { stem = "单选题", options = new[] { "甲", "乙" }, correctOptions = new[] { 0 } }, "kind"),
        };
        foreach (var (body, field) in invalid)
        {
            var (refused, problem) = await world.SendAsync(office, HttpMethod.Post, "/api/discipline/questions", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        }
        (await world.Discipline.QueryAsync(db => db.Questions.CountAsync(Cancel))).ShouldBe(0);

        var id = await CreateAsync(world, office, TrueFalse);
        var (unfitRevision, _) = await world.SendAsync(office, HttpMethod.Put, $"/api/discipline/questions/{id}", unfit[0], "\"1\"");
        unfitRevision.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await world.Discipline.QueryAsync(db => db.Questions.SingleAsync(Cancel))).Options.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_office_revises_retires_restores_and_filters_the_bank()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var office = await world.ClientAsync("office");
        var single = await CreateAsync(world, office, Single);
        var trueFalse = await CreateAsync(world, office, TrueFalse);

        var revision = new
        {
            kind = "multipleChoice", stem = "下列哪些属于“四风”？", options = new[] { "形式主义", "官僚主义", "享乐主义", "改革创新" },
            correctOptions = new[] { 2, 0, 1 }, violationTypes = new[] { "formalism", "bureaucratism", "hedonism" },
        };
        (await world.SendAsync(office, HttpMethod.Put, $"/api/discipline/questions/{single}", revision, "\"9\"")).Response.StatusCode
            .ShouldBe(HttpStatusCode.PreconditionFailed);
        var (revised, question) = await world.SendAsync(office, HttpMethod.Put, $"/api/discipline/questions/{single}", revision, "\"1\"");
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, question.ToString());
        revised.Headers.ETag!.Tag.ShouldBe("\"2\"");
        question.GetProperty("correctOptions").EnumerateArray().Select(i => i.GetInt32()).ShouldBe([0, 1, 2]);
        question.GetProperty("explanation").ValueKind.ShouldBe(JsonValueKind.Null);

        var (retired, retiredQuestion) = await world.SendAsync(office, HttpMethod.Post, $"/api/discipline/questions/{trueFalse}/retire", null, "\"1\"");
        retired.StatusCode.ShouldBe(HttpStatusCode.OK, retiredQuestion.ToString());
        retiredQuestion.GetProperty("retired").GetBoolean().ShouldBeTrue();
        (await IdsAsync(world, office, "retired=false")).ShouldBe([single]);
        (await IdsAsync(world, office, "retired=true")).ShouldBe([trueFalse]);
        (await IdsAsync(world, office, "")).ShouldBe([single, trueFalse]);
        (await IdsAsync(world, office, "kind=multipleChoice")).ShouldBe([single]);
        (await IdsAsync(world, office, "violationType=officialCarMisuse")).ShouldBe([trueFalse]);
        (await IdsAsync(world, office, "kind=trueFalse&retired=false")).ShouldBeEmpty();

        var (restored, restoredQuestion) = await world.SendAsync(office, HttpMethod.Post, $"/api/discipline/questions/{trueFalse}/restore", null, "\"2\"");
        restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        restoredQuestion.GetProperty("retired").GetBoolean().ShouldBeFalse();
        restoredQuestion.GetProperty("version").GetInt32().ShouldBe(3);
        (await IdsAsync(world, office, "retired=false")).ShouldBe([single, trueFalse]);

        var (first, page) = await world.SendAsync(office, HttpMethod.Get, "/api/discipline/questions?limit=1");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = (await world.SendAsync(office, HttpMethod.Get, page.GetProperty("next").GetString()!)).Body;
        next.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(trueFalse);

        var (wrongKind, problem) = await world.SendAsync(office, HttpMethod.Get, "/api/discipline/questions?kind=essay");
        wrongKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("kind")[0].GetString().ShouldBe("不支持的取值，可选值为“singleChoice, multipleChoice, trueFalse”。");
        (await world.SendAsync(office, HttpMethod.Post, $"/api/discipline/questions/{Guid.NewGuid()}/retire")).Response.StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> CreateAsync(LibraryWorld world, HttpClient office, object body)
    {
        // Ids are version 7 on the service's clock: a later question sorts after an earlier one.
        world.Clock.Now = world.Clock.Now.AddMinutes(1);
        var (created, question) = await world.SendAsync(office, HttpMethod.Post, "/api/discipline/questions", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, question.ToString());
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        return question.GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> IdsAsync(LibraryWorld world, HttpClient office, string query)
    {
        var (response, page) = await world.SendAsync(office, HttpMethod.Get, $"/api/discipline/questions?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page.ToString());
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
