using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "brand_id",
                table: "study_activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "brand_measure_id",
                table: "study_activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "topic",
                table: "study_activities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "event_version",
                table: "brands",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_changed_at",
                table: "brands",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "logo_content_type",
                table: "brands",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "brand_highlights",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    brand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_highlights", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "brand_logos",
                columns: table => new
                {
                    brand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_logos", x => x.brand_id);
                    table.ForeignKey(
                        name: "fk_brand_logos_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_error_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    document_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    error_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    found_by = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafter_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_error_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    assignee_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "party_work_plan_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    brand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_work_plan_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "received_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    issuer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @class = table.Column<string>(name: "class", type: "character varying(50)", maxLength: 50, nullable: false),
                    priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    assignee_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    handled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_received_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    brand_id = table.Column<Guid>(type: "uuid", nullable: true),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    meeting_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    meeting_on = table.Column<DateOnly>(type: "date", nullable: true),
                    owner_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    cadence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    last_feedback_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    closure_requested_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closure_evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closure_attachments = table.Column<string>(type: "jsonb", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    acceptance_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    return_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "received_document_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_received_document_reads", x => x.id);
                    table.ForeignKey(
                        name: "fk_received_document_reads_received_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "received_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_task_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    progress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    milestones_reached = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    attachments = table.Column<string>(type: "jsonb", nullable: false),
                    given_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_task_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervision_task_feedback_supervision_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "supervision_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_task_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_task_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervision_task_reminders_supervision_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "supervision_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_study_activities_brand_id",
                table: "study_activities",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_brand_highlights_brand_id",
                table: "brand_highlights",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_brand_highlights_state_submitted_at",
                table: "brand_highlights",
                columns: new[] { "state", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_document_error_reports_department_id_found_on",
                table: "document_error_reports",
                columns: new[] { "department_id", "found_on" });

            migrationBuilder.CreateIndex(
                name: "ix_document_error_reports_drafter_id_found_on",
                table: "document_error_reports",
                columns: new[] { "drafter_id", "found_on" });

            migrationBuilder.CreateIndex(
                name: "ix_document_error_reports_found_on",
                table: "document_error_reports",
                column: "found_on");

            migrationBuilder.CreateIndex(
                name: "ix_document_reminders_document_id_day",
                table: "document_reminders",
                columns: new[] { "document_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_party_work_plan_items_brand_id",
                table: "party_work_plan_items",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_work_plan_items_year_branch_id",
                table: "party_work_plan_items",
                columns: new[] { "year", "branch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_received_document_reads_document_id_person_id",
                table: "received_document_reads",
                columns: new[] { "document_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_received_documents_assignee_person_id",
                table: "received_documents",
                column: "assignee_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_received_documents_assignee_unit_id",
                table: "received_documents",
                column: "assignee_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_received_documents_received_at",
                table: "received_documents",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_task_feedback_task_id_given_at",
                table: "supervision_task_feedback",
                columns: new[] { "task_id", "given_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_task_reminders_task_id_kind_subject",
                table: "supervision_task_reminders",
                columns: new[] { "task_id", "kind", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_brand_id",
                table: "supervision_tasks",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_created_at",
                table: "supervision_tasks",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_owner_person_id",
                table: "supervision_tasks",
                column: "owner_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_owner_unit_id",
                table: "supervision_tasks",
                column: "owner_unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_highlights");

            migrationBuilder.DropTable(
                name: "brand_logos");

            migrationBuilder.DropTable(
                name: "document_error_reports");

            migrationBuilder.DropTable(
                name: "document_reminders");

            migrationBuilder.DropTable(
                name: "party_work_plan_items");

            migrationBuilder.DropTable(
                name: "received_document_reads");

            migrationBuilder.DropTable(
                name: "supervision_task_feedback");

            migrationBuilder.DropTable(
                name: "supervision_task_reminders");

            migrationBuilder.DropTable(
                name: "received_documents");

            migrationBuilder.DropTable(
                name: "supervision_tasks");

            migrationBuilder.DropIndex(
                name: "ix_study_activities_brand_id",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "brand_id",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "brand_measure_id",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "topic",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "event_version",
                table: "brands");

            migrationBuilder.DropColumn(
                name: "last_changed_at",
                table: "brands");

            migrationBuilder.DropColumn(
                name: "logo_content_type",
                table: "brands");
        }
    }
}
