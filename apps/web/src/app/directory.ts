import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { keys } from "./live";

/*
 * The workspace's people, teams and tags, which most screens name. Each key holds the API's own answer,
 * untouched, so every feature reading it agrees on the shape; a screen picks what it shows with `select`.
 */
export const usersQuery = queryOptions({ queryKey: keys.users, queryFn: () => unwrap(api.GET("/api/v1/users")) });
export const teamsQuery = queryOptions({ queryKey: keys.teams, queryFn: () => unwrap(api.GET("/api/v1/teams")) });
export const tagsQuery = queryOptions({ queryKey: keys.tags, queryFn: () => unwrap(api.GET("/api/v1/tags")) });

// The inbox and conversation screens read these on every view; realtime events refresh them when they change.
export function useUsers() {
  return useQuery({ ...usersQuery, staleTime: 5 * 60_000 });
}

export function useTeams() {
  return useQuery({ ...teamsQuery, staleTime: 5 * 60_000 });
}

export function useTags() {
  return useQuery({ ...tagsQuery, staleTime: 60_000 });
}
