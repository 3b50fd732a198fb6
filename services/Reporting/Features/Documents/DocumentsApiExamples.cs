using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.DocumentErrors;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.Documents;

/// <summary>
/// The examples of the document registers: 市委办公室's notice received at 16:50 on a Monday (ordinary: due at that
/// day's close), given to 办公室 and filed; a typo found before issue in 综合科's draft.
/// </summary>
internal sealed class DocumentsApiExamples : IApiExamples
{
    private static readonly Guid DocumentId = Guid.Parse("019acb10-2e3f-7a41-8b52-6c7d8e9f0a11");
    private static readonly Guid Office = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748510");
    private static readonly Guid Department = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748511");
    private static readonly Guid Wang = Guid.Parse("0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01");
    private static readonly Guid Li = Guid.Parse("0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02");
    private static readonly DateTimeOffset Received = new(2026, 11, 16, 8, 50, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Close = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    private static readonly RegisterDocumentRequest Register = new("统办发〔2026〕58号", "市委办公室", "关于做好年终岁末有关工作的通知", "上级来文",
        DocumentPriority.Ordinary, Received);

    private static readonly DocumentResponse Received_ = new(DocumentId, Register.Number!, Register.Issuer!, Register.Title!, Register.Class!,
        DocumentPriority.Ordinary, Received, Close, DocumentState.Received, null, null, null, [], null, null, null, false, 1);

    private static readonly DocumentResponse Assigned = Received_ with
    {
        State = DocumentState.Assigned, AssigneeUnitId = Office, AssignedAt = Received.AddMinutes(5), Version = 2,
    };

    private static readonly DocumentResponse Read = Assigned with { Reads = [new(Wang, "王芳", Received.AddMinutes(10))], Version = 3 };

    private static readonly DocumentResponse Filed = Read with
    {
        State = DocumentState.Handled, Outcome = DocumentOutcome.Filed, HandledAt = Received.AddMinutes(30), Note = "已传阅，归档备查", Version = 4,
    };

    private static readonly RecordDocumentErrorRequest Record = new("综办发〔2026〕9号", "关于开展机关作风建设专项检查的通知", "typo",
        "第二段“部署”误作“布署”。", "办公室核稿人", ErrorStage.PreIssue, Department, Li, new DateOnly(2026, 11, 12));

    private static readonly DocumentErrorResponse Recorded = new(Guid.Parse("019acb10-2e3f-7a41-8b52-6c7d8e9f0a21"), Record.DocumentNumber!,
        Record.DocumentTitle!, "typo", "错别字", Record.Description, Record.FoundBy!, ErrorStage.PreIssue, Department, Li, "李明", Record.FoundOn!.Value,
        new DateTimeOffset(2026, 11, 12, 3, 0, 0, TimeSpan.Zero));

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, DocumentTexts.DocumentNotFound_Title, DocumentTexts.DocumentNotFound_Detail);
        var notAssignee = ApiExamples.Problem(StatusCodes.Status403Forbidden, DocumentTexts.NotAssignee_Title, DocumentTexts.NotAssignee_Detail);
        var errorNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, DocumentTexts.ErrorNotFound_Title, DocumentTexts.ErrorNotFound_Detail);
        var handled = ApiExamples.Refused(ReceivedDocument.StepRefused(nameof(DocumentTexts.StepAssign), DocumentState.Handled));

        examples.Add("RegisterDocument", request: Register, response: Received_, problems: [ApiExamples.Invalid("receivedAt", DocumentTexts.ReceivedInFuture)]);
        examples.Add("ListDocuments", response: new Page<DocumentResponse>([Filed], null), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetDocumentsOpenAtClose", response: new OpenAtCloseResponse(new DateOnly(2026, 11, 16), Close, 1, [Assigned]),
            problems: [ApiExamples.Invalid("day", string.Format(CultureInfo.CurrentCulture, DocumentTexts.NotAWorkingDay, "2026-11-21"))]);
        examples.Add("GetDocument", response: Filed, problems: [notFound]);
        examples.Add("AssignDocument", request: new AssignDocumentRequest(Office, null), response: Assigned, problems:
        [
            notFound, handled, ApiExamples.Unprocessable("unitId", DocumentTexts.UnitNotFound, DocumentTexts.ReferenceNotFound_Detail),
        ]);
        examples.Add("ReadDocument", response: Read, problems:
            [notFound, notAssignee, ApiExamples.Refused(ReceivedDocument.StepRefused(nameof(DocumentTexts.StepRead), DocumentState.Received))]);
        examples.Add("HandleDocument", request: new HandleDocumentRequest(DocumentOutcome.Filed, "已传阅，归档备查"), response: Filed, problems:
            [notFound, notAssignee, ApiExamples.Refused(ReceivedDocument.StepRefused(nameof(DocumentTexts.StepHandle), DocumentState.Handled))]);

        examples.Add("RecordDocumentError", request: Record, response: Recorded, problems:
        [
            ApiExamples.Invalid("errorType", string.Format(CultureInfo.CurrentCulture, DocumentTexts.ErrorTypeUnknown, "typo, format, numbering, fact, policy, punctuation")),
            ApiExamples.Unprocessable("departmentId", DocumentTexts.NotADepartment, DocumentTexts.ReferenceNotFound_Detail),
        ]);
        examples.Add("ListDocumentErrors", response: new Page<DocumentErrorResponse>([Recorded], null), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("ListDocumentErrorTypes", response: DocumentErrorOptions.DefaultTypes);
        examples.Add("ListRepeatDrafters", response: new RepeatDraftersResponse(new DateOnly(2026, 8, 17), new DateOnly(2026, 11, 16),
            [new RepeatDrafter(Li, "李明", [Department], 2, new DateOnly(2026, 11, 12))]));
        examples.Add("GetDocumentError", response: Recorded, problems: [errorNotFound]);
        examples.Add("GetDocumentErrorNotice", problems:
        [
            ApiExamples.Invalid("month", DocumentTexts.MonthInvalid),
            ApiExamples.Problem(StatusCodes.Status404NotFound, DocumentTexts.NoticeNotFound_Title, DocumentTexts.NoticeNotFound_Detail),
            ApiExamples.Unprocessable("departmentId", DocumentTexts.NotADepartment, DocumentTexts.ReferenceNotFound_Detail),
            GetQuarterlyReport.FontMissing().ProblemDetails,
        ]);
        examples.Add("GetDocumentErrorFigures", response: new DocumentErrorFiguresResponse(2026, 3,
            [new DocumentErrorFigure(10, Department, "综合科", 1), new DocumentErrorFigure(11, Department, "综合科", 2)]),
            problems: [ApiExamples.Invalid("year", PeriodTexts.YearInvalid)]);
    }
}
