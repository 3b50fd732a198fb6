using System.Globalization;
using System.Text.Json.Nodes;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using MiniExcelLibs;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>
/// Every reporting table as a spreadsheet too: a GET with <c>.WithXlsxExport()</c> answers <c>?format=xlsx</c> (or an
/// Accept of the spreadsheet type) with the rows of its usual answer (<see cref="SheetRows"/>), named after the operation
/// and the period. Problems stay ProblemDetails; the handler runs unchanged, so the figures are the JSON's.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string FormatParameter = "format";
    private const string Json = "json", Xlsx = "xlsx";

    /// <summary>Excel refuses longer sheet names.</summary>
    private const int MaxSheetName = 31;

    public static RouteHandlerBuilder WithXlsxExport(this RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(ExportAsync)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            DescribeFormat(operation, [Json, Xlsx], "json (default) or xlsx: the same figures as a spreadsheet, one row per group and a total row. " +
                "Accept: " + ContentType + " asks for the spreadsheet too.");
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
            {
                (ok.Content ??= new Dictionary<string, OpenApiMediaType>())[ContentType] =
                    new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
            return Task.CompletedTask;
        });

    /// <summary>The 400 of a format other than json or xlsx, for the operation's examples.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails FormatProblem => ApiExamples.Invalid(FormatParameter, ExportTexts.FormatInvalid);

    /// <summary>The format asked for: the format parameter, else xlsx when Accept names the spreadsheet type, else <paramref name="usual"/>.</summary>
    public static string? FormatOf(HttpRequest request, string usual)
    {
        var asked = request.Query[FormatParameter];
        if (asked.Count > 0)
        {
            return asked.Count == 1 ? asked[0] : null;
        }
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)) ? Xlsx : usual;
    }

    /// <summary>Documents the format parameter (the filter reads it from the query, so the endpoint's metadata does not show it).</summary>
    public static void DescribeFormat(OpenApiOperation operation, string[] formats, string description)
    {
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = FormatParameter,
            In = ParameterLocation.Query,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. formats.Select(f => (JsonNode)JsonValue.Create(f))] },
        });
    }

    /// <summary>Sheets as an XLSX file named <c>{title}_{period or today}.xlsx</c> (Content-Disposition carries it as UTF-8 filename*).</summary>
    public static async Task<FileContentHttpResult> FileAsync(
        IReadOnlyList<(string Sheet, IReadOnlyList<Dictionary<string, object?>> Rows)> sheets, string title, IReadOnlyList<DateOnly> period,
        CancellationToken cancellationToken)
    {
        var workbook = sheets.ToDictionary(s => SheetName(s.Sheet), s => (object)s.Rows);
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, workbook, cancellationToken: cancellationToken);
        return TypedResults.File(stream.ToArray(), ContentType, $"{title}_{string.Join('_', period.Select(Day))}.xlsx");
    }

    public static string PeriodName(IReadOnlyList<DateOnly> period) => string.Join("至", period.Select(Day));

    private static async ValueTask<object?> ExportAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var format = FormatOf(http.Request, Json);
        if (format is not (Json or Xlsx))
        {
            return FieldProblems.Invalid(FormatParameter, ExportTexts.FormatInvalid);
        }
        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (format == Json || answer is not IValueHttpResult { Value: { } value } || answer is IStatusCodeHttpResult { StatusCode: not StatusCodes.Status200OK })
        {
            return result;
        }
        var sheet = SheetRows.Of(value, http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var title = TitleOf(http);
        var period = sheet.Period.Count > 0 ? sheet.Period : [http.RequestServices.GetRequiredService<TimeProvider>().Today()];
        return await FileAsync([(sheet.Period.Count > 0 ? PeriodName(sheet.Period) : title, sheet.Rows)], title, period, http.RequestAborted);
    }

    /// <summary>The file's title: ExportTexts File_{operation name}, else the operation's name.</summary>
    private static string TitleOf(HttpContext http)
    {
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "export";
        return SheetRows.Text("File_" + operation) ?? operation;
    }

    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')));
        return clean.Length > MaxSheetName ? clean[..MaxSheetName] : clean;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
