using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_error_reports");

            migrationBuilder.DropTable(
                name: "document_reminders");

            migrationBuilder.DropTable(
                name: "received_document_reads");

            migrationBuilder.DropTable(
                name: "received_documents");
        }
    }
}
