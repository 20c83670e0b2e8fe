-- Conversation numbers come from one sequence per workspace: nextval takes no row lock, so new conversations
-- in one workspace no longer wait for each other's transactions to commit. A rolled-back transaction leaves a
-- gap in the numbers, as it does in any sequence.
DO $$
DECLARE
  w record;
BEGIN
  FOR w IN SELECT id, conversation_seq FROM workspaces LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', 'conversation_number_' || replace(w.id::text, '-', ''), w.conversation_seq + 1);
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE "workspaces" DROP COLUMN "conversation_seq";
