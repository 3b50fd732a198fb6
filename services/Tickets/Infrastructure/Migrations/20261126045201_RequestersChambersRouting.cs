using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RequestersChambersRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "enterprise_name",
                table: "tickets",
                newName: "requester_name");

            migrationBuilder.AlterColumn<string>(
                name: "unified_social_credit_code",
                table: "tickets",
                type: "character(18)",
                fixedLength: true,
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(18)",
                oldFixedLength: true,
                oldMaxLength: 18);

            migrationBuilder.AddColumn<Guid>(
                name: "chamber_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "requester_id",
                table: "tickets",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "chambers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_key = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chambers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "co_handling_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    given_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_co_handling_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_co_handling_feedback_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_attachments_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "chamber_leader_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chamber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chamber_leader_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_chamber_leader_links_chambers_chamber_id",
                        column: x => x.chamber_id,
                        principalTable: "chambers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requesters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unified_social_credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    person_category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    chamber_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requesters", x => x.id);
                    table.ForeignKey(
                        name: "fk_requesters_chambers_chamber_id",
                        column: x => x.chamber_id,
                        principalTable: "chambers",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => x.category);
                    table.ForeignKey(
                        name: "fk_routing_rules_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "requester_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    position = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requester_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_requester_contacts_requesters_requester_id",
                        column: x => x.requester_id,
                        principalTable: "requesters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_chamber_id",
                table: "tickets",
                column: "chamber_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_requester_id",
                table: "tickets",
                column: "requester_id");

            migrationBuilder.CreateIndex(
                name: "ix_chamber_leader_links_chamber_id",
                table: "chamber_leader_links",
                column: "chamber_id");

            migrationBuilder.CreateIndex(
                name: "ix_chamber_leader_links_leader_id",
                table: "chamber_leader_links",
                column: "leader_id");

            migrationBuilder.CreateIndex(
                name: "ix_chambers_name",
                table: "chambers",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_co_handling_feedback_ticket_id",
                table: "co_handling_feedback",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_requester_contacts_requester_id",
                table: "requester_contacts",
                column: "requester_id");

            migrationBuilder.CreateIndex(
                name: "ix_requesters_chamber_id",
                table: "requesters",
                column: "chamber_id");

            migrationBuilder.CreateIndex(
                name: "ix_requesters_name",
                table: "requesters",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_requesters_unified_social_credit_code",
                table: "requesters",
                column: "unified_social_credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_routing_rules_unit_id",
                table: "routing_rules",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_ticket_id",
                table: "ticket_attachments",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_kind",
                table: "units",
                column: "kind");

            // Tickets filed before requester profiles existed get one profile per enterprise (credit code).
            migrationBuilder.Sql("""
                INSERT INTO requesters (id, kind, name, unified_social_credit_code, created_at)
                SELECT gen_random_uuid(), 'Enterprise', min(requester_name), unified_social_credit_code, min(submitted_at)
                FROM tickets GROUP BY unified_social_credit_code;
                UPDATE tickets t SET requester_id = r.id FROM requesters r WHERE r.unified_social_credit_code = t.unified_social_credit_code;
                """);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_requesters_requester_id",
                table: "tickets",
                column: "requester_id",
                principalTable: "requesters",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tickets_requesters_requester_id",
                table: "tickets");

            migrationBuilder.DropTable(
                name: "chamber_leader_links");

            migrationBuilder.DropTable(
                name: "co_handling_feedback");

            migrationBuilder.DropTable(
                name: "requester_contacts");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "ticket_attachments");

            migrationBuilder.DropTable(
                name: "requesters");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "chambers");

            migrationBuilder.DropIndex(
                name: "ix_tickets_chamber_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_requester_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "chamber_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "requester_id",
                table: "tickets");

            migrationBuilder.RenameColumn(
                name: "requester_name",
                table: "tickets",
                newName: "enterprise_name");

            migrationBuilder.AlterColumn<string>(
                name: "unified_social_credit_code",
                table: "tickets",
                type: "character(18)",
                fixedLength: true,
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(18)",
                oldFixedLength: true,
                oldMaxLength: 18,
                oldNullable: true);
        }
    }
}
