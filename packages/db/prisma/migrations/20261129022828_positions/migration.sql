-- CreateEnum
CREATE TYPE "PositionKind" AS ENUM ('DEMAND', 'RED_LINE', 'CONDITION', 'OFFER', 'PLEDGE', 'COMMITMENT', 'REFUSAL');

-- CreateEnum
CREATE TYPE "PositionIssue" AS ENUM ('TERRITORY_TROOPS', 'GOVERNANCE_LAW', 'PRISONERS_AMNESTY', 'DISARMAMENT_SURRENDER', 'CROSS_BORDER_SANCTUARY', 'CEASEFIRE_TERMS', 'RECOGNITION', 'TALKS_FORMAT');

-- AlterTable
ALTER TABLE "claim" ADD COLUMN     "position_id" INTEGER;

-- CreateTable
CREATE TABLE "position" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "actor_id" INTEGER NOT NULL,
    "kind" "PositionKind" NOT NULL,
    "issue" "PositionIssue" NOT NULL,
    "summary" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "process_id" INTEGER,
    "event_id" INTEGER,
    "responds_to_id" INTEGER,
    "supersedes_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "position_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "position_key_key" ON "position"("key");

-- CreateIndex
CREATE INDEX "position_actor_id_idx" ON "position"("actor_id");

-- CreateIndex
CREATE INDEX "position_process_id_idx" ON "position"("process_id");

-- CreateIndex
CREATE INDEX "position_event_id_idx" ON "position"("event_id");

-- CreateIndex
CREATE INDEX "position_responds_to_id_idx" ON "position"("responds_to_id");

-- CreateIndex
CREATE INDEX "position_supersedes_id_idx" ON "position"("supersedes_id");

-- CreateIndex
CREATE INDEX "position_start_date_idx" ON "position"("start_date");

-- CreateIndex
CREATE INDEX "claim_position_id_idx" ON "claim"("position_id");

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "process"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_responds_to_id_fkey" FOREIGN KEY ("responds_to_id") REFERENCES "position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE CASCADE ON UPDATE CASCADE;
