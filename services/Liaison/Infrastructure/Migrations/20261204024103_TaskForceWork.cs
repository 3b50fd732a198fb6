using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Liaison.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TaskForceWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "solved_at",
                table: "raised_problems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "frozen_task_force_boards",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    frozen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    board = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_frozen_task_force_boards", x => x.month);
                });

            migrationBuilder.CreateTable(
                name: "task_force_work",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    task_force_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    enterprise_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    amount_in_ten_thousand_yuan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    households = table.Column<int>(type: "integer", nullable: true),
                    agreements_signed = table.Column<int>(type: "integer", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage_reached_on = table.Column<DateOnly>(type: "date", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_force_work", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_force_work_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    agreements_signed = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_force_work_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_force_work_steps_task_force_work_work_id",
                        column: x => x.work_id,
                        principalTable: "task_force_work",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_force_work_registered_at_id",
                table: "task_force_work",
                columns: new[] { "registered_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_force_work_task_force_id_kind",
                table: "task_force_work",
                columns: new[] { "task_force_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_task_force_work_steps_on",
                table: "task_force_work_steps",
                column: "on");

            migrationBuilder.CreateIndex(
                name: "ix_task_force_work_steps_work_id",
                table: "task_force_work_steps",
                column: "work_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_kind",
                table: "units",
                column: "kind");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "frozen_task_force_boards");

            migrationBuilder.DropTable(
                name: "task_force_work_steps");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "task_force_work");

            migrationBuilder.DropColumn(
                name: "solved_at",
                table: "raised_problems");
        }
    }
}
