using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "supervision_task_feedback");

            migrationBuilder.DropTable(
                name: "supervision_task_reminders");

            migrationBuilder.DropTable(
                name: "supervision_tasks");
        }
    }
}
